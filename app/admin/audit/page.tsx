import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { env } from '@/lib/env';
import { listAudit } from '@/lib/admin/list-audit';
import { auditQuerySchema, firstSearchValues } from '@/lib/admin/schemas';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { EmptyState } from '@/components/admin/admin-table';
import { InvalidFilters } from '@/components/admin/invalid-filters';
import { Pager } from '@/components/admin/pager';

export const metadata: Metadata = { title: 'Audit log' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: PageProps) {
  await getScope({ permission: 'admin', callbackUrl: '/admin/audit' });
  const timeZone = env().REPORTING_TIME_ZONE;
  const parsed = auditQuerySchema.safeParse(firstSearchValues(await searchParams));
  const result = parsed.success ? await listAudit(await getDatabase(), parsed.data, timeZone) : null;
  const { page: _page, ...filters } = parsed.success ? parsed.data : { page: 1 };
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold">Audit log</h2>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Sign-ins, failed sign-ins, user changes, exports and share links, newest first. Times in {timeZone}.
        </p>
      </div>
      <AuditFilters query={filters} />
      {!parsed.success && <InvalidFilters error={parsed.error} resetHref="/admin/audit" />}
      {result && result.total === 0 && <EmptyState title="No entries match these filters">Widen the date range or clear the filters.</EmptyState>}
      {result && result.total > 0 && (
        <>
          <AuditTable entries={result.rows} timeZone={timeZone} />
          <Pager page={result} basePath="/admin/audit" params={filters} />
        </>
      )}
    </section>
  );
}
