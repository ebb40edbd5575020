import Link from 'next/link';
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { env } from '@/lib/env';
import { listUsers } from '@/lib/admin/list-users';
import { getPipelineCounts } from '@/lib/etl/pipeline-counts';
import { firstSearchValues, userListQuerySchema } from '@/lib/admin/schemas';
import { EmptyState } from '@/components/admin/admin-table';
import { InvalidFilters } from '@/components/admin/invalid-filters';
import { Pager } from '@/components/admin/pager';
import { UserFilters } from '@/components/admin/user-filters';
import { UsersTable } from '@/components/admin/users-table';
import { linkButtonClass } from '@/components/admin/styles';
import { PipelineStatus } from '@/components/admin/pipeline-status';

export const metadata: Metadata = { title: 'Users' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: PageProps) {
  await getScope({ permission: 'admin', callbackUrl: '/admin' });
  const parsed = userListQuerySchema.safeParse(firstSearchValues(await searchParams));
  const db = await getDatabase();
  const [result, pipeline] = await Promise.all([
    parsed.success ? listUsers(db, parsed.data) : null,
    getPipelineCounts(db),
  ]);
  const filtered = parsed.success && Boolean(parsed.data.q || parsed.data.role || parsed.data.status);
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <PipelineStatus counts={pipeline} />
      <div className="flex items-center justify-between gap-3">
        <h2 id="users-heading" className="text-lg font-semibold">Users</h2>
        <Link href="/admin/users/new" className={`${linkButtonClass} bg-brand-600 text-white hover:bg-brand-700`}>New user</Link>
      </div>
      <UserFilters query={parsed.success ? parsed.data : {}} />
      {!parsed.success && <InvalidFilters error={parsed.error} resetHref="/admin" />}
      {result && result.total === 0 && (
        <EmptyState title={filtered ? 'No users match these filters' : 'No users yet'}>
          {filtered ? 'Try another search, or clear the filters.' : 'Create the first account with “New user”.'}
        </EmptyState>
      )}
      {result && result.total > 0 && (
        <>
          <UsersTable users={result.rows} timeZone={env().REPORTING_TIME_ZONE} />
          <Pager page={result} basePath="/admin" params={{ q: parsed.data?.q, role: parsed.data?.role, status: parsed.data?.status }} />
        </>
      )}
    </section>
  );
}
