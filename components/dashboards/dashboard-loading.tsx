import { Skeleton } from '@/components/ui/skeleton';

/** The skeleton of every dashboard route while its page streams in: header, filter bar, tiles. */
export function DashboardLoading({ label }: { label: string }) {
  return (
    <div className="space-y-5" aria-busy="true" aria-label={`Loading ${label}`}>
      <Skeleton className="h-10 w-64" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-80 w-full" />
      <div className="grid gap-5 lg:grid-cols-2">
        <Skeleton className="h-80" />
        <Skeleton className="h-80" />
      </div>
    </div>
  );
}
