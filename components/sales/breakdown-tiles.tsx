import type { DashboardView } from '@/components/dashboards/load-view';
import { getBreakdown } from '@/lib/queries/get-breakdown';
import { getWeekdayHour } from '@/lib/queries/get-weekday-hour';
import { BarChart } from '@/components/charts/bar-chart';
import { HeatmapChart } from '@/components/charts/heatmap-chart';

// Each tile resolves the filters without its own dimension's selection: clicking a bar highlights it
// there and filters every other tile.

export async function CategoryTile({ view }: { view: DashboardView }) {
  const rows = await getBreakdown(view.db, view.scope, view.filtersFor('category'), 'category');
  return (
    <BarChart title="Revenue by category" description="Click to filter the dashboard; shift-click adds"
      rows={rows.map((r) => ({ key: r.key, label: r.label, value: r.revenue }))}
      labelTitle="Category" valueTitle="Revenue" clickAction={{ kind: 'cross-filter', dimension: 'category' }} />
  );
}

export async function TopStoresTile({ view }: { view: DashboardView }) {
  const rows = await getBreakdown(view.db, view.scope, view.filtersFor('store'), 'store', 10);
  return (
    <BarChart title="Top 10 stores" description="Coloured by region"
      rows={rows.map((r) => ({ key: r.key, label: `${r.label} (${r.key})`, value: r.revenue, group: r.region }))}
      labelTitle="Store" valueTitle="Revenue" groupTitle="Region" clickAction={{ kind: 'cross-filter', dimension: 'store' }} />
  );
}

export async function HourTile({ view }: { view: DashboardView }) {
  const rows = await getBreakdown(view.db, view.scope, view.filtersFor('hour'), 'hour');
  const byHour = new Map(rows.map((r) => [Number(r.key), r.revenue]));
  return (
    <BarChart title="Sales by hour of day" description="Each store's own local time"
      orientation="vertical" keepOrder
      rows={Array.from({ length: 24 }, (_, h) => ({ key: String(h), label: `${String(h).padStart(2, '0')}:00`, value: byHour.get(h) ?? 0 }))}
      labelTitle="Hour" valueTitle="Revenue" clickAction={{ kind: 'cross-filter', dimension: 'hour' }} />
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export async function WeekdayHourTile({ view }: { view: DashboardView }) {
  const cells = await getWeekdayHour(view.db, view.scope, view.filtersFor('weekday'));
  const z: (number | null)[][] = WEEKDAYS.map(() => Array.from({ length: 24 }, () => 0));
  for (const c of cells) z[c.weekday - 1][c.hour] = c.revenue;
  return (
    <HeatmapChart title="Weekday × hour" description="Revenue by each store's local weekday and hour; click a row to filter by weekday"
      xLabels={Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}h`)} yLabels={WEEKDAYS} z={z}
      cellKeys={WEEKDAYS.map((_, d) => Array.from({ length: 24 }, () => String(d + 1)))}
      rowTitle="Weekday" clickAction={{ kind: 'cross-filter', dimension: 'weekday' }} />
  );
}

export async function RegionTile({ view }: { view: DashboardView }) {
  const rows = await getBreakdown(view.db, view.scope, view.filtersFor('region'), 'region');
  return (
    <BarChart title="Region comparison" orientation="vertical"
      rows={rows.map((r) => ({ key: r.key, label: r.label, value: r.revenue, group: r.region }))}
      labelTitle="Region" valueTitle="Revenue" groupTitle="Region" clickAction={{ kind: 'cross-filter', dimension: 'region' }} />
  );
}
