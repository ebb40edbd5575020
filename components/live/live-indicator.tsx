'use client';
// The live badge in a dashboard's header: whether the change stream is connected and when the page last
// updated from it. Renders nothing outside a LiveUpdatesProvider.
import { formatDateTime } from '@/lib/format';
import { viewerTimeZone } from '@/components/ui/date-time';
import { useLiveStatus, type LiveStatus } from './live-updates';

const LABELS: Record<LiveStatus, string> = { connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…' };
const DOTS: Record<LiveStatus, string> = {
  connecting: 'bg-slate-400',
  connected: 'bg-emerald-500',
  reconnecting: 'bg-amber-500 animate-pulse',
};

export function LiveIndicator() {
  const live = useLiveStatus();
  if (!live) return null;
  const { status, lastUpdate } = live;
  return (
    <p role="status" data-testid="live-indicator" data-state={status}
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2.5 py-0.5 text-xs text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
      <span aria-hidden className={`h-2 w-2 rounded-full ${DOTS[status]}`} />
      <span data-testid="live-status">{LABELS[status]}</span>
      {lastUpdate && (
        <span>
          · updated <time data-testid="live-last-update" dateTime={lastUpdate.toISOString()}>{formatDateTime(lastUpdate, viewerTimeZone(), { seconds: true })}</time>
        </span>
      )}
    </p>
  );
}
