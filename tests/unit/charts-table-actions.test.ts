/**
 * The "View data" table offers, for every item a click on the chart acts on, a button that acts the same:
 * the key each table cell carries is the key the figure reports (its customdata) for the same item, for
 * any rows, in any order, ranked or not.
 */
import fc from 'fast-check';
import type { BarData, HeatmapData, TreemapData } from 'plotly.js';
import { barTable, buildBarFigure, type BarRow } from '@/components/charts/figures/bar-figure';
import { buildHeatmapFigure, heatmapTable } from '@/components/charts/figures/heatmap-figure';
import { buildStackedFigure, stackedTable } from '@/components/charts/figures/stacked-figure';
import { buildTreemapFigure, treemapTable, type TreemapNode } from '@/components/charts/figures/treemap-figure';
import { chartTheme } from '@/components/charts/theme';

const theme = chartTheme('light');
const label = fc.string({ minLength: 1, maxLength: 12 });

const barRows = fc.uniqueArray(
  fc.record({ key: fc.stringMatching(/^[A-Z][0-9]{3}$/), label, value: fc.double({ min: 0, max: 1e7, noNaN: true }), group: fc.option(fc.constantFrom('East', 'West', 'North'), { nil: undefined }) }),
  { selector: (r) => r.key, minLength: 1, maxLength: 20 },
);

describe('"View data" actions', () => {
  it('bars: each row acts with the key of the bar drawn for it, in the chart\'s order', () => {
    fc.assert(
      fc.property(barRows, fc.boolean(), (rows: BarRow[], keepOrder) => {
        const table = barTable(rows, { valueFormat: 'money', keepOrder, labelTitle: 'Store', valueTitle: 'Revenue' });
        const { data } = buildBarFigure(rows, { orientation: 'horizontal', valueFormat: 'money', selectedKeys: [], keepOrder }, theme);
        // what a click on each drawn bar reports, and the label it shows
        const drawn = new Map((data as Partial<BarData>[]).flatMap((t) => (t.customdata as string[]).map((key, i) => [key, (t.text as string[])[i]] as const)));
        expect(table.actions).toHaveLength(table.rows.length);
        table.rows.forEach((row, i) => {
          const key = table.actions![i].label!;
          expect(drawn.get(key)).toBe(row.label);
        });
        expect(new Set(table.actions!.map((a) => a.label))).toEqual(new Set(rows.map((r) => r.key)));
      }),
    );
  });

  it('heatmap: each cell acts with its own cell key, and cells without one do not act', () => {
    const matrix = fc.integer({ min: 1, max: 7 }).chain((rows) =>
      fc.integer({ min: 1, max: 24 }).chain((cols) =>
        fc.record({
          xLabels: fc.constant(Array.from({ length: cols }, (_, x) => String(x))),
          yLabels: fc.constant(Array.from({ length: rows }, (_, y) => `Day ${y}`)),
          z: fc.array(fc.array(fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
          cellKeys: fc.array(fc.array(fc.option(fc.stringMatching(/^[0-9]{1,2}$/), { nil: null }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        }),
      ),
    );
    fc.assert(
      fc.property(matrix, (m) => {
        const table = heatmapTable(m, { valueFormat: 'money', rowTitle: 'Weekday' });
        const trace = buildHeatmapFigure(m, { valueFormat: 'money', showValues: false, selectedKeys: [] }, theme).data[0] as Partial<HeatmapData>;
        const reported = (trace.customdata as unknown as [string | null, string][][]).map((row) => row.map((cell) => cell[0]));
        m.yLabels.forEach((_, y) =>
          m.xLabels.forEach((_, x) => {
            expect(table.actions![y][`c${x}`] ?? null).toBe(reported[y][x]);
          }),
        );
      }),
    );
    // a matrix without keys (retention cohorts) offers no actions at all
    expect(heatmapTable({ xLabels: ['M0'], yLabels: ['2026-01'], z: [[1]] }, { valueFormat: 'percent', rowTitle: 'Cohort' }).actions).toBeUndefined();
  });

  it('stacked: every cell of a series acts with the series, as a click anywhere on it does', () => {
    const series = [{ name: 'Budget', values: [1, 2] }, { name: 'Premium', values: [3, 4] }];
    const table = stackedTable(['W1', 'W2'], series, { valueFormat: 'money', xTitle: 'Week' });
    const { data } = buildStackedFigure(['W1', 'W2'], series, { kind: 'bar', valueFormat: 'money', asShare: false, selectedKeys: [] }, theme);
    expect(table.actions).toEqual([{ s0: 'Budget', s1: 'Premium' }, { s0: 'Budget', s1: 'Premium' }]);
    expect(data.map((t) => (t as { customdata: string[] }).customdata)).toEqual([['Budget', 'Budget'], ['Premium', 'Premium']]);
  });

  it('treemap: rows act with their node\'s drill key; nodes without one do not act', () => {
    const nodes: TreemapNode[] = [
      { id: 'all', label: 'All', parent: '', value: 0, key: '' },
      { id: 'all/Fresh', label: 'Fresh', parent: 'all', value: 30, key: 'Fresh' },
      { id: 'all/Grocery', label: 'Grocery', parent: 'all', value: 50, key: 'Grocery' },
      { id: 'all/Fresh/x', label: 'Leaf', parent: 'all/Fresh', value: 30 },
    ];
    const table = treemapTable(nodes, { valueFormat: 'money', labelTitle: 'Category', valueTitle: 'Revenue' });
    const trace = buildTreemapFigure(nodes, { valueFormat: 'money', selectedKeys: [] }, theme).data[0] as Partial<TreemapData> & { customdata: (string | null)[] };
    const keyOf = new Map(nodes.map((n, i) => [n.label, trace.customdata[i]]));
    table.rows.forEach((row, i) => {
      const name = String(row.label).trim();
      expect({ name, key: table.actions![i].label ?? null }).toEqual({ name, key: keyOf.get(name) });
    });
  });
});
