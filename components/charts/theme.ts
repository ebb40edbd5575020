// The one chart theme: every figure takes its colours, fonts and hover style from here, in light and
// dark, so a chart looks the same on every dashboard and follows the user's theme toggle.
import type { RegionName } from '@/lib/filters/regions';

export type ThemeMode = 'light' | 'dark';

export interface ChartTheme {
  mode: ThemeMode;
  fontFamily: string;
  fontSize: number;
  text: string;
  mutedText: string;
  grid: string;
  zeroLine: string;
  hoverBackground: string;
  hoverBorder: string;
  hoverText: string;
  /** The single-series colour (brand blue, lifted in dark mode for contrast). */
  primary: string;
  /** Secondary lines such as the previous period and moving average. */
  secondary: string;
  accent: string;
  anomaly: string;
  palette: readonly string[];
  /** Low → high stops for heatmaps; the low end blends into the card background. */
  sequentialScale: [number, string][];
  /** Opacity of points outside the current cross-filter selection. */
  dimmedOpacity: number;
  /** Outline of selected points and heatmap cells. */
  selectionOutline: string;
}

// Matches --font-sans in app/globals.css, so chart text sits in the same type as the page.
const FONT_FAMILY = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

// Tableau 10: distinguishable in both themes and for the common colour-vision deficiencies.
export const CATEGORICAL_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'] as const;

// A region keeps its colour on every chart, so East is the same blue in the store ranking and the trend.
export const REGION_COLORS: Record<RegionName, string> = {
  East: CATEGORICAL_PALETTE[0],
  West: CATEGORICAL_PALETTE[1],
  North: CATEGORICAL_PALETTE[2],
  South: CATEGORICAL_PALETTE[3],
  Central: CATEGORICAL_PALETTE[4],
};

const LIGHT: ChartTheme = {
  mode: 'light',
  fontFamily: FONT_FAMILY,
  fontSize: 12,
  text: '#334155',
  mutedText: '#64748b',
  grid: '#e2e8f0',
  zeroLine: '#cbd5e1',
  hoverBackground: '#ffffff',
  hoverBorder: '#cbd5e1',
  hoverText: '#0f172a',
  primary: '#2f6fed',
  secondary: '#94a3b8',
  accent: '#f28e2b',
  anomaly: '#dc2626',
  palette: CATEGORICAL_PALETTE,
  sequentialScale: [
    [0, '#f1f5f9'],
    [0.5, '#93b8f7'],
    [1, '#1847ab'],
  ],
  dimmedOpacity: 0.3,
  selectionOutline: '#0f172a',
};

const DARK: ChartTheme = {
  ...LIGHT,
  mode: 'dark',
  text: '#e2e8f0',
  mutedText: '#94a3b8',
  grid: '#1e293b',
  zeroLine: '#334155',
  hoverBackground: '#0f172a',
  hoverBorder: '#334155',
  hoverText: '#f1f5f9',
  primary: '#6b9bf7',
  secondary: '#64748b',
  anomaly: '#f87171',
  sequentialScale: [
    [0, '#1e293b'],
    [0.5, '#2f6fed'],
    [1, '#bcd4ff'],
  ],
  selectionOutline: '#f8fafc',
};

/** Groups in legend order: regions in their fixed order first, then the rest as given. */
export function orderGroups(groups: readonly string[]): string[] {
  const unique = [...new Set(groups)];
  const regionOrder = Object.keys(REGION_COLORS);
  const regions = regionOrder.filter((r) => unique.includes(r));
  return [...regions, ...unique.filter((g) => !regionOrder.includes(g))];
}

export function chartTheme(mode: ThemeMode): ChartTheme {
  return mode === 'dark' ? DARK : LIGHT;
}

/**
 * Colours for group names: regions get their fixed colour, anything else the next palette colour not
 * already taken by a region on this chart.
 */
export function groupColors(groups: readonly string[], theme: ChartTheme): Map<string, string> {
  const colors = new Map<string, string>();
  const regionColors = REGION_COLORS as Record<string, string>;
  const free = theme.palette.filter((c) => !groups.some((g) => regionColors[g] === c));
  let next = 0;
  for (const group of groups) {
    if (colors.has(group)) continue;
    colors.set(group, regionColors[group] ?? free[next++ % free.length]);
  }
  return colors;
}

/** `#rrggbb` at the given opacity, for charts (treemaps) that cannot dim single items otherwise. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}
