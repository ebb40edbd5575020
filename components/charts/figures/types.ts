// What a figure builder returns: plain Plotly trace and layout objects, themed but not yet framed.
import type { Data, Layout } from 'plotly.js';

export interface ChartFigure {
  data: Data[];
  layout: Partial<Layout>;
}
