import { buildLayout, PLOT_CONFIG } from '@/components/charts/figures/layout';
import { chartTheme, groupColors, REGION_COLORS, withAlpha } from '@/components/charts/theme';

describe('chart theme', () => {
  it('gives light and dark different text, grid and hover colours', () => {
    const light = chartTheme('light');
    const dark = chartTheme('dark');
    expect(light.text).not.toBe(dark.text);
    expect(light.grid).not.toBe(dark.grid);
    expect(light.hoverBackground).toBe('#ffffff');
    expect(dark.hoverBackground).toBe('#0f172a');
  });

  it('keeps each region on its colour whatever the order or the other groups', () => {
    const theme = chartTheme('dark');
    const colors = groupColors(['Central', 'Online', 'East'], theme);
    expect(colors.get('East')).toBe(REGION_COLORS.East);
    expect(colors.get('Central')).toBe(REGION_COLORS.Central);
    // A non-region group never borrows a region colour that is on the chart.
    expect([REGION_COLORS.East, REGION_COLORS.Central]).not.toContain(colors.get('Online'));
  });

  it('writes a hex colour with opacity', () => {
    expect(withAlpha('#2f6fed', 0.5)).toBe('rgba(47,111,237,0.5)');
  });
});

describe('buildLayout', () => {
  const figure = { xaxis: { title: { text: 'Revenue' } }, barmode: 'stack' as const };

  it('applies the theme in light and dark', () => {
    const light = buildLayout(chartTheme('light'), figure, { uirevision: 'sales', height: 300 });
    const dark = buildLayout(chartTheme('dark'), figure, { uirevision: 'sales', height: 300 });
    expect(light.font?.color).toBe(chartTheme('light').text);
    expect(dark.font?.color).toBe(chartTheme('dark').text);
    expect(dark.xaxis?.gridcolor).toBe(chartTheme('dark').grid);
    expect(dark.hoverlabel?.bgcolor).toBe(chartTheme('dark').hoverBackground);
    expect(light.paper_bgcolor).toBe('rgba(0,0,0,0)');
    expect(light.plot_bgcolor).toBe('rgba(0,0,0,0)');
  });

  it('keeps uirevision constant across themes and data, so zoom survives refreshes', () => {
    const before = buildLayout(chartTheme('light'), figure, { uirevision: 'sales-trend', height: 300 });
    const after = buildLayout(chartTheme('dark'), { ...figure, barmode: 'group' }, { uirevision: 'sales-trend', height: 300 });
    expect(before.uirevision).toBe('sales-trend');
    expect(after.uirevision).toBe(before.uirevision);
  });

  it("keeps the figure's axis settings and the theme's title font", () => {
    const layout = buildLayout(chartTheme('light'), figure, { uirevision: 'x', height: 300 });
    expect(layout.xaxis?.title).toEqual({ text: 'Revenue', font: { color: chartTheme('light').mutedText, size: 12 } });
    expect(layout.barmode).toBe('stack');
    expect(layout.height).toBe(300);
    expect(layout.autosize).toBe(true);
  });

  it('leaves image export to our own button', () => {
    expect(PLOT_CONFIG.modeBarButtonsToRemove).toContain('toImage');
  });

  it('offers no upload to Plotly Cloud and no link to plotly.com', () => {
    // plotly.js 4.1 adds "Share chart..." (sendChartToCloud) when showSendToCloud is not false, and posts
    // the figure to plotlyServerURL (https://cloud.plotly.com/newchart by default) when it is clicked.
    expect(PLOT_CONFIG.showSendToCloud).toBe(false);
    expect(PLOT_CONFIG.modeBarButtonsToRemove).toContain('sendChartToCloud');
    expect(PLOT_CONFIG.plotlyServerURL).toBe('');
    expect(PLOT_CONFIG.displaylogo).toBe(false);
  });
});
