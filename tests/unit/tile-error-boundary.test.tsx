import { renderToStaticMarkup } from 'react-dom/server';
import { TileErrorBoundary } from '@/components/ui/tile-error-boundary';
import { busy, viewTooBroad } from '@/lib/errors';

/**
 * What a failed tile shows. React renders error boundaries only in the browser, so this drives the
 * boundary's own two steps: the state it derives from the error, then what it renders in that state.
 * Errors reach the browser as Next.js sends them in production: no message, only the digest.
 */
function failedTile(error: unknown): string {
  const boundary = new TileErrorBoundary({ title: 'Revenue trend', children: null });
  boundary.state = TileErrorBoundary.getDerivedStateFromError(error);
  return renderToStaticMarkup(<>{boundary.render()}</>);
}

const asSentToTheBrowser = (error: { digest?: string }) =>
  Object.assign(new Error('An error occurred in the Server Components render.'), { digest: error.digest });

describe('TileErrorBoundary', () => {
  it('says the view is too broad, and how to narrow it, when the read ran past its statement timeout', () => {
    const html = failedTile(asSentToTheBrowser(viewTooBroad()));
    expect(html).toContain('Revenue trend could not be loaded.');
    expect(html).toContain('This view reads too much data to answer in time. Narrow the date range or the filters.');
  });

  it('says the portal is busy when the read waited too long for its turn', () => {
    expect(failedTile(asSentToTheBrowser(busy()))).toContain('Many views are loading right now.');
  });

  it('shows only the generic failure for any other error, whatever its message or digest', () => {
    for (const error of [new Error('relation "gold.x" does not exist'), Object.assign(new Error('x'), { digest: '1234567' })]) {
      const html = failedTile(error);
      expect(html).toContain('Revenue trend could not be loaded.');
      expect(html).not.toContain('gold.x');
      expect(html).not.toContain('Narrow');
    }
  });
});
