import type { BarData, HeatmapData, ScatterData, TreemapData } from 'plotly.js';
import { barTable, buildBarFigure, type BarRow } from '@/components/charts/figures/bar-figure';
import { buildHeatmapFigure, cellTexts, heatmapTable, selectedCellShapes } from '@/components/charts/figures/heatmap-figure';
import { buildStackedFigure, toShares } from '@/components/charts/figures/stacked-figure';
import { buildTreemapFigure, rolledUpValues, treemapTable, type TreemapNode } from '@/components/charts/figures/treemap-figure';
import { buildTrendFigure, trendTable, type TrendPoint } from '@/components/charts/figures/trend-figure';
import { formatCell } from '@/components/charts/figures/data-table';
import { fileNameOf } from '@/components/charts/figures/file-name';
import { chartTheme, orderGroups, REGION_COLORS } from '@/components/charts/theme';

const light = chartTheme('light');

describe('buildBarFigure', () => {
  const stores: BarRow[] = [
    { key: 'S002', label: 'Harbour', value: 500, group: 'West' },
    { key: 'S001', label: 'Midtown', value: 900, group: 'East' },
    { key: 'S003', label: 'Airport', value: 700, group: 'East' },
  ];
  const options = { orientation: 'horizontal' as const, valueFormat: 'money' as const, selectedKeys: [] };

  it('ranks largest first and draws one trace per region in its colour', () => {
    const { data, layout } = buildBarFigure(stores, options, light);
    const traces = data as Partial<BarData>[];
    expect(traces.map((t) => t.name)).toEqual(['East', 'West']);
    expect(orderGroups(['Central', 'Online', 'East'])).toEqual(['East', 'Central', 'Online']);
    expect(traces[0].marker?.color).toBe(REGION_COLORS.East);
    expect(traces[0].y).toEqual(['S001', 'S003']);
    expect(layout.yaxis?.categoryarray).toEqual(['S001', 'S003', 'S002']);
    expect(layout.yaxis?.ticktext).toEqual(['Midtown', 'Airport', 'Harbour']);
    expect(layout.showlegend).toBe(true);
  });

  it('highlights the selected keys and dims the rest', () => {
    const { data } = buildBarFigure(stores, { ...options, selectedKeys: ['S003'] }, light);
    const east = data[0] as Partial<BarData>;
    expect(east.customdata).toEqual(['S001', 'S003']);
    expect(east.marker?.opacity).toEqual([light.dimmedOpacity, 1]);
    expect(east.marker?.line?.width).toEqual([0, 2]);
  });

  it('shows everything at full strength with no selection', () => {
    const { data } = buildBarFigure(stores, options, light);
    expect((data[0] as Partial<BarData>).marker?.opacity).toEqual([1, 1]);
  });

  it('keeps the given order and one brand-coloured trace for ungrouped vertical bars', () => {
    const hours = [0, 1, 2].map((h) => ({ key: String(h), label: `${h}:00`, value: 10 - h * 3 + (h === 2 ? 20 : 0) }));
    const { data, layout } = buildBarFigure(hours, { orientation: 'vertical', valueFormat: 'count', selectedKeys: [], keepOrder: true }, light);
    expect(data).toHaveLength(1);
    expect((data[0] as Partial<BarData>).x).toEqual(['0', '1', '2']);
    expect((data[0] as Partial<BarData>).marker?.color).toBe(light.primary);
    expect(layout.showlegend).toBe(false);
  });

  it('tables the same ranking', () => {
    const table = barTable(stores, { valueFormat: 'money', labelTitle: 'Store', valueTitle: 'Revenue', groupTitle: 'Region' });
    expect(table.columns.map((c) => c.label)).toEqual(['Store', 'Region', 'Revenue']);
    expect(table.rows[0]).toEqual({ label: 'Midtown', group: 'East', value: 900 });
  });
});

describe('buildTrendFigure', () => {
  const points: TrendPoint[] = [
    { x: '2026-03-01', value: 100, movingAverage: null, previous: 90 },
    { x: '2026-03-02', value: 120, movingAverage: 110, previous: 95 },
    { x: '2026-03-03', value: 300, movingAverage: 173.3, previous: null, anomaly: '3.1σ above the 7-day average' },
  ];
  const options = { valueFormat: 'money' as const, seriesName: 'Revenue', movingAverageName: '7-day average', previousName: 'Previous period', dateAxis: true };

  it('draws the previous period dashed under the series, the moving average and the anomalies', () => {
    const { data, layout } = buildTrendFigure(points, options, light);
    const traces = data as Partial<ScatterData>[];
    expect(traces.map((t) => t.name)).toEqual(['Previous period', 'Revenue', '7-day average', 'Anomaly']);
    expect(traces[0].line?.dash).toBe('dash');
    expect(traces[0].y).toEqual([90, 95, null]);
    expect(traces[2].y).toEqual([null, 110, 173.3]);
    expect(traces[3].x).toEqual(['2026-03-03']);
    expect(traces[3].text).toEqual(['3.1σ above the 7-day average']);
    expect(layout.xaxis?.type).toBe('date');
  });

  it('leaves out overlays that have no data', () => {
    const { data, layout } = buildTrendFigure([{ x: 'W1', value: 1 }, { x: 'W2', value: 2 }], { ...options, dateAxis: false }, light);
    expect(data.map((t) => (t as Partial<ScatterData>).name)).toEqual(['Revenue']);
    expect(layout.xaxis?.type).toBe('category');
    expect(layout.showlegend).toBe(false);
  });

  it('draws the running period apart, dotted and "so far", joined to the last whole one; periods not begun stay empty', () => {
    const running: TrendPoint[] = [
      { x: '2026-10-01', value: 500, previous: 480 },
      { x: '2026-11-01', value: 520, previous: 500 },
      { x: '2026-12-01', value: 90, previous: 510, partial: true },
    ];
    const traces = buildTrendFigure(running, { ...options, dateAxis: false }, light).data as Partial<ScatterData>[];
    expect(traces.map((t) => t.name)).toEqual(['Previous period', 'Revenue', 'Revenue so far']);
    expect(traces[1].y).toEqual([500, 520, null]);
    expect(traces[2]).toMatchObject({ x: ['2026-11-01', '2026-12-01'], y: [520, 90], line: expect.objectContaining({ dash: 'dot' }) });
    const future = buildTrendFigure([{ x: 'a', value: 5 }, { x: 'b', value: 2, partial: true }, { x: 'c', value: null }], options, light).data as Partial<ScatterData>[];
    expect(future[0].y).toEqual([5, null, null]);
    expect(future[1].x).toEqual(['a', 'b']);
    expect(trendTable(running, { ...options, xTitle: 'Month' }).rows[2].x).toBe('2026-12-01 (so far)');
  });

  it('tables the overlays it draws', () => {
    const table = trendTable(points, { ...options, xTitle: 'Day' });
    expect(table.columns.map((c) => c.key)).toEqual(['x', 'value', 'movingAverage', 'previous', 'anomaly']);
    expect(table.rows[2]).toMatchObject({ previous: null, anomaly: '3.1σ above the 7-day average' });
  });
});

describe('buildHeatmapFigure', () => {
  const cohorts = {
    xLabels: ['Month 0', 'Month 1'],
    yLabels: ['2026-01', '2026-02'],
    z: [
      [1, 0.42],
      [1, null],
    ],
    cellDetails: [
      ['120 customers · 120 retained', '120 customers · 50 retained'],
      ['80 customers · 80 retained', ''],
    ],
  };

  it('writes percentages on the cells, blank where there is no data', () => {
    expect(cellTexts(cohorts.z, 'percent')).toEqual([
      ['100.0%', '42.0%'],
      ['100.0%', ''],
    ]);
    const trace = buildHeatmapFigure(cohorts, { valueFormat: 'percent', showValues: true, selectedKeys: [] }, light).data[0] as Partial<HeatmapData>;
    expect(trace.texttemplate).toBe('%{text}');
    expect(trace.hovertemplate).toContain('%{z:.1%}');
    expect(trace.hovertemplate).toContain('%{customdata[1]}');
    expect(trace.customdata).toEqual([
      [
        [null, '120 customers · 120 retained'],
        [null, '120 customers · 50 retained'],
      ],
      [
        [null, '80 customers · 80 retained'],
        [null, ''],
      ],
    ]);
  });

  it('hides the text when values are not shown and follows the theme colour scale', () => {
    const dark = chartTheme('dark');
    const trace = buildHeatmapFigure(cohorts, { valueFormat: 'percent', showValues: false, selectedKeys: [] }, dark).data[0] as Partial<HeatmapData>;
    expect(trace.texttemplate).toBe('');
    expect(trace.colorscale).toEqual(dark.sequentialScale);
    expect([trace.zmin, trace.zmax]).toEqual([0, 1]);
  });

  it('outlines the selected cells', () => {
    const keys = [
      ['1:9', '1:10'],
      ['2:9', '2:10'],
    ];
    const shapes = selectedCellShapes(keys, ['2:10'], light);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]).toMatchObject({ x0: 0.5, x1: 1.5, y0: 0.5, y1: 1.5 });
    expect(selectedCellShapes(keys, [], light)).toEqual([]);
  });

  it('tables one row per matrix row', () => {
    const table = heatmapTable(cohorts, { valueFormat: 'percent', rowTitle: 'Cohort' });
    expect(table.columns.map((c) => c.label)).toEqual(['Cohort', 'Month 0', 'Month 1']);
    expect(table.rows[1]).toEqual({ row: '2026-02', c0: 1, c1: null });
  });
});

describe('buildTreemapFigure', () => {
  const nodes: TreemapNode[] = [
    { id: 'all', label: 'All categories', parent: '', value: 0, key: '' },
    { id: 'Electronics', label: 'Electronics', parent: 'all', value: 999, key: 'Electronics' },
    { id: 'Electronics/Phones', label: 'Phones', parent: 'Electronics', value: 60.1, key: 'Electronics/Phones' },
    { id: 'Electronics/Audio', label: 'Audio', parent: 'Electronics', value: 40.2, key: 'Electronics/Audio' },
    { id: 'Grocery', label: 'Grocery', parent: 'all', value: 50 },
  ];

  it('sizes parents by their children so Plotly always accepts the totals', () => {
    const values = rolledUpValues(nodes);
    expect(values.get('Electronics')).toBeCloseTo(100.3);
    expect(values.get('all')).toBeCloseTo(150.3);
    const trace = buildTreemapFigure(nodes, { valueFormat: 'money', selectedKeys: [] }, light).data[0] as Partial<TreemapData>;
    expect(trace.branchvalues).toBe('total');
    expect(trace.customdata).toEqual(['', 'Electronics', 'Electronics/Phones', 'Electronics/Audio', null]);
  });

  it('colours tiles by their top-level branch and dims unselected tiles', () => {
    const trace = buildTreemapFigure(nodes, { valueFormat: 'money', selectedKeys: ['Electronics/Phones'] }, light).data[0] as Partial<TreemapData>;
    const colors = trace.marker?.colors as string[];
    expect(colors[0]).toBe(light.grid);
    expect(colors[2]).toBe('rgba(78,121,167,0.9)');
    expect(colors[3]).toBe(`rgba(78,121,167,${light.dimmedOpacity})`);
    expect(colors[4]).toBe(`rgba(242,142,43,${light.dimmedOpacity})`);
  });

  it('tables the tree parents first with shares of the parent', () => {
    const table = treemapTable(nodes, { valueFormat: 'money', labelTitle: 'Category', valueTitle: 'Revenue' });
    expect(table.rows.map((r) => String(r.label).trim())).toEqual(['All categories', 'Electronics', 'Phones', 'Audio', 'Grocery']);
    expect(table.rows[2].share).toBeCloseTo(60.1 / 100.3);
    expect(table.rows[0].share).toBeNull();
  });
});

describe('buildStackedFigure', () => {
  const x = ['W1', 'W2'];
  const series = [
    { name: 'Premium', values: [30, 0] },
    { name: 'Budget', values: [10, 0] },
  ];

  it('converts to shares of each period, with empty periods at zero', () => {
    expect(toShares(series)).toEqual([
      { name: 'Premium', values: [0.75, 0] },
      { name: 'Budget', values: [0.25, 0] },
    ]);
  });

  it('stacks one series per segment and dims the unselected ones', () => {
    const { data, layout } = buildStackedFigure(x, series, { kind: 'bar', valueFormat: 'money', asShare: false, selectedKeys: ['Budget'] }, light);
    expect(layout.barmode).toBe('stack');
    expect(data.map((t) => (t as Partial<BarData>).opacity)).toEqual([light.dimmedOpacity, 1]);
    expect((data[1] as Partial<BarData>).customdata).toEqual(['Budget', 'Budget']);
  });

  it('stacks areas in one group', () => {
    const { data, layout } = buildStackedFigure(x, series, { kind: 'area', valueFormat: 'money', asShare: true, selectedKeys: [] }, light);
    expect(data.every((t) => (t as Partial<ScatterData>).stackgroup === 'mix')).toBe(true);
    expect(layout.yaxis?.tickformat).toBe('.0%');
  });
});

describe('table cells and file names', () => {
  it('formats cells like the rest of the UI', () => {
    expect(formatCell(1234.4, 'money')).toBe('$1,234');
    expect(formatCell(0.125, 'percent')).toBe('12.5%');
    expect(formatCell(null, 'count')).toBe('—');
    expect(formatCell('East', 'text')).toBe('East');
  });

  it('names downloads after the chart', () => {
    expect(fileNameOf('Top 10 stores — by revenue')).toBe('top-10-stores-by-revenue');
    expect(fileNameOf('!!!')).toBe('chart');
  });
});
