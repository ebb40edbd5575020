import Link from 'next/link';
import { AUDIT_ACTIONS } from '@/lib/auth/record-audit';
import type { AuditQuery } from '@/lib/admin/schemas';
import { Button } from '@/components/ui/button';
import { ACTION_LABELS } from './badges';
import { inputClass, labelClass } from './styles';

export function AuditFilters({ query }: { query: Partial<AuditQuery> }) {
  return (
    <form method="get" action="/admin/audit" role="search" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="audit-action" className={labelClass}>Action</label>
        <select id="audit-action" name="action" defaultValue={query.action ?? ''} className={inputClass}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{ACTION_LABELS[a]}</option>)}
        </select>
      </div>
      <div className="min-w-[14rem] flex-1">
        <label htmlFor="audit-actor" className={labelClass}>Actor email</label>
        <input id="audit-actor" name="actor" type="search" defaultValue={query.actor ?? ''} placeholder="Contains…" className={inputClass} />
      </div>
      <div>
        <label htmlFor="audit-from" className={labelClass}>From</label>
        <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ''} className={inputClass} />
      </div>
      <div>
        <label htmlFor="audit-to" className={labelClass}>To</label>
        <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ''} className={inputClass} />
      </div>
      <Button type="submit" variant="secondary">Apply</Button>
      <Link href="/admin/audit" className="py-2 text-sm text-slate-600 hover:underline dark:text-slate-400">Clear</Link>
    </form>
  );
}
