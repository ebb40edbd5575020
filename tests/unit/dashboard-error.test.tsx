import { renderToStaticMarkup } from 'react-dom/server';
import { DashboardError } from '@/components/dashboards/dashboard-error';
import { viewTooBroad } from '@/lib/errors';

/** What a dashboard shows when its page failed, with errors as Next.js sends them in production: only the digest. */
const asSentToTheBrowser = (error: { digest?: string }) =>
  Object.assign(new Error('An error occurred in the Server Components render.'), { digest: error.digest });

const page = (error: Error & { digest?: string }) =>
  renderToStaticMarkup(<DashboardError label="sales overview" error={error} reset={() => {}} />);

describe('DashboardError', () => {
  it('says the view is too broad, and how to narrow it, when the page\'s own read was refused', () => {
    const html = page(asSentToTheBrowser(viewTooBroad()));
    expect(html).toContain('The sales overview could not be loaded.');
    expect(html).toContain('Narrow the date range or the filters.');
  });

  it('keeps to the generic words for any other error', () => {
    const html = page(Object.assign(new Error('relation "gold.x" does not exist'), { digest: '99' }));
    expect(html).toContain('This is on our side');
    expect(html).not.toContain('gold.x');
  });
});
