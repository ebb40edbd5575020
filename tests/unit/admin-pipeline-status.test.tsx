import { renderToStaticMarkup } from 'react-dom/server';
import { PipelineStatus } from '@/components/admin/pipeline-status';

describe('PipelineStatus', () => {
  it('shows the waiting, dead-lettered and quarantined counts, the dead-lettered ones highlighted', () => {
    const html = renderToStaticMarkup(<PipelineStatus counts={{ pending: 1200, deadLettered: 3, quarantined: 45 }} />);
    expect(html).toContain('1,200 events waiting');
    expect(html).toMatch(/class="[^"]*text-red-700[^"]*">3 dead-lettered by the ETL/);
    expect(html).toContain('45 in quarantine in all');
    expect(renderToStaticMarkup(<PipelineStatus counts={{ pending: 0, deadLettered: 0, quarantined: 0 }} />)).not.toContain('text-red-700');
  });
});
