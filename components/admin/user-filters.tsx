import Link from 'next/link';
import { ROLES } from '@/lib/auth/roles';
import type { UserListQuery } from '@/lib/admin/schemas';
import { Button } from '@/components/ui/button';
import { inputClass, labelClass } from './styles';

/** A plain GET form: the filters live in the URL, so results can be bookmarked and work without JavaScript. */
export function UserFilters({ query }: { query: Partial<UserListQuery> }) {
  return (
    <form method="get" action="/admin" role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-[16rem] flex-1">
        <label htmlFor="q" className={labelClass}>Search</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ''} placeholder="Email or name" className={inputClass} />
      </div>
      <div>
        <label htmlFor="filter-role" className={labelClass}>Role</label>
        <select id="filter-role" name="role" defaultValue={query.role ?? ''} className={inputClass}>
          <option value="">Any role</option>
          {ROLES.map((r) => <option key={r} value={r}>{r[0].toUpperCase() + r.slice(1)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className={labelClass}>Status</label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ''} className={inputClass}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="inactive">Deactivated</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">Apply</Button>
      <Link href="/admin" className="py-2 text-sm text-slate-600 hover:underline dark:text-slate-400">Clear</Link>
    </form>
  );
}
