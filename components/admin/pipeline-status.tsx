// One line on the admin overview: how many events wait for the ETL, and how many it dead-lettered (kept
// in silver.quarantine with the database's error) — the figure to look at when numbers seem to lag.
import type { PipelineCounts } from '@/lib/etl/pipeline-counts';

export function PipelineStatus({ counts }: { counts: PipelineCounts }) {
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="pipeline-status">
      Data pipeline: {n(counts.pending)} events waiting ·{' '}
      <span className={counts.deadLettered > 0 ? 'font-semibold text-red-700 dark:text-red-400' : undefined}>
        {n(counts.deadLettered)} dead-lettered by the ETL
      </span>{' '}
      · {n(counts.quarantined)} in quarantine in all
    </p>
  );
}
