import type { AlertRow } from '@/lib/queries/list-alerts';

const TONES: Record<AlertRow['severity'], string> = {
  high: 'bg-red-50 text-red-700 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-800',
  medium: 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-800',
};

export function SeverityBadge({ severity }: { severity: AlertRow['severity'] }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${TONES[severity]}`}>
      {severity}
    </span>
  );
}
