// The partial Plotly build the chart islands load: core plus only the trace types our figures draw
// (lines, bars, heatmaps, treemaps): about 445 KB gzipped against 1.47 MB for the full bundle.
// Imported only through next/dynamic({ ssr: false }): plotly touches `window` at import time.
import Plotly from 'plotly.js/lib/core';
import scatter from 'plotly.js/lib/scatter';
import bar from 'plotly.js/lib/bar';
import heatmap from 'plotly.js/lib/heatmap';
import treemap from 'plotly.js/lib/treemap';

Plotly.register([scatter, bar, heatmap, treemap]);

export default Plotly;
