// The real-time monitor: today so far against yesterday at the same minute, the last hour per minute, the
// latest sales, open fraud alerts and low stock, all in the caller's regions. It refreshes when a change
// touches today or yesterday in those regions, and every minute so the hour keeps moving while nothing sells.
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { addDays, todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { LowStockPanel } from '@/components/alerts/low-stock-panel';
import { OpenAlertsPanel } from '@/components/alerts/open-alerts-panel';
import { LatestSalesFeed } from '@/components/live/latest-sales-feed';
import { LiveIndicator } from '@/components/live/live-indicator';
import { LiveKpiCards } from '@/components/live/live-kpi-cards';
import { LiveRefresh } from '@/components/live/live-updates';
import { MinuteCharts } from '@/components/live/minute-charts';
import { Tile } from '@/components/ui/tile';
import { ALERT_PANEL_HEIGHT } from '@/components/alerts/alert-list';

export const metadata: Metadata = { title: 'Live monitor' };

const PATH = '/dashboards/live';

export default async function LiveMonitorPage() {
  const scope = await getScope({ callbackUrl: PATH });
  const db = await getDatabase();
  const timeZone = env().REPORTING_TIME_ZONE;
  const at = new Date();
  const today = todayIn(timeZone, at);
  const tiles = { db, scope, at, timeZone };
  return (
    <div className="space-y-5">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">Live monitor</h1>
          <LiveIndicator />
        </div>
        <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="view-summary">
          Today, {today} ({timeZone}) · {scope.regions.join(', ')}
        </p>
        <LiveRefresh regions={[...scope.regions]} dates={{ from: addDays(today, -1), to: today }} stores={[]} everyMs={60_000} />
      </div>
      <Tile title="Today" height="h-[200px] lg:h-[94px]">
        <LiveKpiCards {...tiles} />
      </Tile>
      <Tile title="Last 60 minutes" height="h-[1018px] xl:h-[326px]">
        <MinuteCharts {...tiles} />
      </Tile>
      <div className="flex flex-col gap-5 lg:flex-row">
        <Tile title="Latest sales" height={589} className="min-w-0 flex-1">
          <LatestSalesFeed {...tiles} />
        </Tile>
        <section aria-label="Alerts" data-testid="live-alerts-slot" className="space-y-5 lg:w-1/3">
          <Tile title="Open fraud alerts" height={ALERT_PANEL_HEIGHT}>
            <OpenAlertsPanel db={db} scope={scope} timeZone={timeZone} />
          </Tile>
          <Tile title="Low stock" height={ALERT_PANEL_HEIGHT}>
            <LowStockPanel db={db} scope={scope} />
          </Tile>
        </section>
      </div>
    </div>
  );
}
