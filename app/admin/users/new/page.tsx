import Link from 'next/link';
import type { Metadata } from 'next';
import { getScope } from '@/lib/auth/page-scope';
import { Card } from '@/components/ui/card';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { createUserAction } from '@/app/admin/actions';

export const metadata: Metadata = { title: 'New user' };

export default async function NewUserPage() {
  await getScope({ permission: 'admin', callbackUrl: '/admin/users/new' });
  return (
    <section aria-labelledby="new-user-heading" className="space-y-4">
      <Link href="/admin" className="text-sm text-slate-600 hover:underline dark:text-slate-400">← All users</Link>
      <Card>
        <h2 id="new-user-heading" className="mb-1 text-lg font-semibold">New user</h2>
        <p className="mb-5 text-sm text-slate-500 dark:text-slate-400">
          The account gets a one-time password, shown once after it is created.
        </p>
        <CreateUserForm createUserAction={createUserAction} />
      </Card>
    </section>
  );
}
