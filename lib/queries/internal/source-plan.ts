// Which table answers a question: the smallest rollup that covers the filters and the grouping, and the
// line-grain facts only when none does. Basket counts (transactions) add up across rows only where every
// row holds whole baskets, which decides most of the choices below.
import type { ResolvedFilters } from '@/lib/filters/dashboard-filters';

export type Source = 'baskets' | 'daily' | 'hourly' | 'facts';

export type Grouping = 'total' | 'region' | 'store' | 'day' | 'category' | 'subcategory' | 'product' | 'hour' | 'weekday';

export function planSource(grouping: Grouping, f: Pick<ResolvedFilters, 'categories' | 'segments'>): Source {
  switch (grouping) {
    case 'subcategory':
    case 'product':
      return 'facts';
    case 'category':
      // one row per category: its basket count is exact in the category rollup
      return 'daily';
    case 'hour':
    case 'weekday':
      return f.categories.length === 0 && f.segments.length === 0 ? 'hourly' : 'facts';
    default:
      if (f.categories.length === 0) return 'baskets';
      // one category: its rows hold whole baskets of that category; several would count a basket twice
      return f.categories.length === 1 ? 'daily' : 'facts';
  }
}
