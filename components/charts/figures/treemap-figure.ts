// The category → subcategory → product treemap. Parents are sized by the sum of their children, so a
// rounding difference in the server's totals can never make Plotly refuse to draw the tree.
import { withAlpha, type ChartTheme } from '../theme';
import { hoverValue, type ValueFormat } from './value-format';
import type { ChartFigure } from './types';
import type { DataTableSpec } from './data-table';

export interface TreemapNode {
  /** Unique across the tree, e.g. "Electronics/Phones/P-1042". */
  id: string;
  label: string;
  /** The parent's id; '' for the root. */
  parent: string;
  /** Used for leaves; a parent's size is recomputed from its children. */
  value: number;
  /** Reported on click: the drill path to open (e.g. "Electronics/Phones"), '' for the top, or absent for no action. */
  key?: string;
}

export interface TreemapFigureOptions {
  valueFormat: ValueFormat;
  selectedKeys: readonly string[];
}

/** Each node's value: its own for a leaf, the sum of its children's for a parent. */
export function rolledUpValues(nodes: readonly TreemapNode[]): Map<string, number> {
  const children = new Map<string, TreemapNode[]>();
  for (const n of nodes) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const totals = new Map<string, number>();
  const total = (node: TreemapNode): number => {
    const known = totals.get(node.id);
    if (known !== undefined) return known;
    const kids = children.get(node.id);
    const value = kids ? kids.reduce((sum, k) => sum + total(k), 0) : node.value;
    totals.set(node.id, value);
    return value;
  };
  nodes.forEach(total);
  return totals;
}

/** The colour family of each node: its branch under a single root (or its root when there are several). */
export function branchOf(nodes: readonly TreemapNode[]): Map<string, string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots = nodes.filter((n) => !byId.has(n.parent));
  const topDepth = roots.length === 1 ? 1 : 0;
  const branch = new Map<string, string>();
  for (const node of nodes) {
    const path: string[] = [];
    for (let at: TreemapNode | undefined = node; at; at = byId.get(at.parent)) path.unshift(at.id);
    branch.set(node.id, path[topDepth] ?? path[0]);
  }
  return branch;
}

export function buildTreemapFigure(nodes: readonly TreemapNode[], options: TreemapFigureOptions, theme: ChartTheme): ChartFigure {
  const values = rolledUpValues(nodes);
  const branches = branchOf(nodes);
  const selected = new Set(options.selectedKeys);
  const ids = new Set(nodes.map((n) => n.id));
  const roots = nodes.filter((n) => !ids.has(n.parent));
  // A single root is the frame around the tiles, drawn quietly; several roots are tiles themselves.
  const isFrame = (n: TreemapNode) => roots.length === 1 && roots[0] === n;
  const branchIds = [...new Set(nodes.filter((n) => !isFrame(n)).map((n) => branches.get(n.id) ?? n.id))];
  const colors = nodes.map((n) => {
    if (isFrame(n)) return theme.grid;
    const base = theme.palette[branchIds.indexOf(branches.get(n.id) ?? n.id) % theme.palette.length];
    const dimmed = selected.size > 0 && !(n.key !== undefined && selected.has(n.key));
    return withAlpha(base, dimmed ? theme.dimmedOpacity : 0.9);
  });
  const textColors = nodes.map((n) => (isFrame(n) ? theme.text : '#ffffff'));
  return {
    data: [
      {
        type: 'treemap',
        ids: nodes.map((n) => n.id),
        labels: nodes.map((n) => n.label),
        parents: nodes.map((n) => n.parent),
        values: nodes.map((n) => values.get(n.id) ?? 0),
        customdata: nodes.map((n) => n.key ?? null),
        branchvalues: 'total',
        sort: true,
        marker: { colors, line: { color: theme.mode === 'dark' ? '#0f172a' : '#ffffff', width: 1 } },
        pathbar: { visible: false },
        // the hover format (e.g. $4,994), not the tick format (which abbreviates to $4.99392k on tiles)
        texttemplate: `<b>%{label}</b><br>${hoverValue('value', options.valueFormat)}`,
        textfont: { color: textColors },
        hovertemplate: `<b>%{label}</b><br>${hoverValue('value', options.valueFormat)}<br>%{percentParent:.1%} of %{parent}<extra></extra>`,
      },
    ],
    layout: { margin: { l: 0, r: 0, t: 0, b: 0 } },
  };
}

/** The tree as an indented list, parents before children, with each node's share of its parent. */
export function treemapTable(nodes: readonly TreemapNode[], options: { valueFormat: ValueFormat; labelTitle: string; valueTitle: string }): DataTableSpec {
  const values = rolledUpValues(nodes);
  const ids = new Set(nodes.map((n) => n.id));
  const ordered: { node: TreemapNode; depth: number }[] = [];
  const visit = (node: TreemapNode, depth: number) => {
    ordered.push({ node, depth });
    nodes.filter((c) => c.parent === node.id).sort((a, b) => (values.get(b.id) ?? 0) - (values.get(a.id) ?? 0)).forEach((c) => visit(c, depth + 1));
  };
  nodes.filter((n) => !ids.has(n.parent)).forEach((root) => visit(root, 0));
  return {
    columns: [
      { key: 'label', label: options.labelTitle, format: 'text' },
      { key: 'value', label: options.valueTitle, format: options.valueFormat },
      { key: 'share', label: 'Share of parent', format: 'percent' },
    ],
    rows: ordered.map(({ node, depth }) => {
      const parentValue = values.get(node.parent);
      return {
        label: `${'\u2003'.repeat(depth)}${node.label}`,
        value: values.get(node.id) ?? 0,
        share: parentValue ? (values.get(node.id) ?? 0) / parentValue : null,
      };
    }),
    actions: ordered.map(({ node }) => (node.key === undefined ? {} : { label: node.key })),
  };
}
