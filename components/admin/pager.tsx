import Link from 'next/link';
import { pageCount, type Page } from '@/lib/admin/paging';

/** Previous / next links that keep the other search params. */
export function Pager({ page, basePath, params }: { page: Page<unknown>; basePath: string; params: Record<string, string | undefined> }) {
  const pages = pageCount(page);
  const href = (n: number) => {
    const search = new URLSearchParams(Object.entries({ ...params, page: String(n) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${basePath}?${search}`;
  };
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  const linkClass = 'rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-slate-700 dark:hover:bg-slate-800';
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
      <p>
        {page.total === 0 ? 'No results' : `${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}`}
      </p>
      <div className="flex gap-2">
        {page.page > 1 && <Link className={linkClass} href={href(page.page - 1)} rel="prev">Previous</Link>}
        {page.page < pages && <Link className={linkClass} href={href(page.page + 1)} rel="next">Next</Link>}
      </div>
    </nav>
  );
}
