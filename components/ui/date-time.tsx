// A moment as every page shows one (lib/format formatDateTime: 24-hour, in the given zone, zone named),
// with the exact instant in dateTime and the title.
import { formatDateTime } from '@/lib/format';

/** The zone of the viewer's own clock, for moments a client leaf shows (a live update, a new link's expiry). */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function DateTime({ value, timeZone, seconds = false, empty = 'Never' }: {
  value: Date | string | null;
  timeZone: string;
  seconds?: boolean;
  /** What a missing moment reads as. */
  empty?: string;
}) {
  if (!value) return <span className="text-slate-500 dark:text-slate-400">{empty}</span>;
  const at = typeof value === 'string' ? new Date(value) : value;
  return (
    <time dateTime={at.toISOString()} title={`${at.toISOString()} (UTC)`} className="whitespace-nowrap tabular-nums">
      {formatDateTime(at, timeZone, { seconds })}
    </time>
  );
}
