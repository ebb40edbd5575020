// The last hour, minute by minute: revenue, orders and events received, in the caller's regions.
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { getMinuteSeries } from '@/lib/queries/get-minute-series';
import { TrendChart } from '@/components/charts/trend-chart';

export async function MinuteCharts({ db, scope, at, timeZone }: { db: Database; scope: Scope; at: Date; timeZone: string }) {
  const points = await getMinuteSeries(db, scope, { at, timeZone });
  const series = (value: (p: (typeof points)[number]) => number) => points.map((p) => ({ x: p.minute, value: value(p) }));
  return (
    <div className="grid gap-5 xl:grid-cols-3">
      <TrendChart title="Revenue per minute" description={`Net revenue, last 60 minutes (${timeZone})`}
        points={series((p) => p.revenue)} seriesName="Revenue" xTitle="Minute" height={240} />
      <TrendChart title="Orders per minute" description="Transactions, last 60 minutes"
        points={series((p) => p.orders)} valueFormat="count" seriesName="Orders" xTitle="Minute" height={240} />
      <TrendChart title="Events per minute" description="Events received by the ingest API for your stores"
        points={series((p) => p.events)} valueFormat="count" seriesName="Events" xTitle="Minute" height={240} />
    </div>
  );
}
