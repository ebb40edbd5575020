// The page where a user changes their password: from the account menu, or forced after signing in with a
// password an admin set (middleware and getScope send such a user here, and nowhere else is open to them).
// Outside the portal's layout, which would send a forced user straight back here; it reads the session itself.
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { AppShell } from '@/components/layout/app-shell';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { PASSWORD_PAGE_PATH } from '@/lib/auth/public-paths';
import { principalOfSession } from '@/lib/auth/session';
import { regionNameOf, type RegionName } from '@/lib/filters/regions';

export const metadata: Metadata = { title: 'Change password' };

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await principalOfSession(await cookies());
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(PASSWORD_PAGE_PATH)}`);
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, process.env.NEXTAUTH_URL) ?? '/dashboards/sales';

  if (user.mustChangePassword) {
    return (
      <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 p-4 dark:from-slate-950 dark:to-slate-900">
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center">
            <h1 className="text-2xl font-semibold">Choose your own password</h1>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              An administrator set the password you signed in with. Replace it to continue.
            </p>
          </div>
          <ChangePasswordForm forced callbackUrl={callbackUrl} />
        </div>
      </main>
    );
  }
  const regions = user.regionIds.map(regionNameOf).filter((r): r is RegionName => Boolean(r));
  return (
    <AppShell viewer={{ role: user.role, regions }}>
      <div className="mx-auto max-w-md space-y-4">
        <div>
          <h1 className="text-xl font-semibold">Change password</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Changing it signs you out everywhere else.</p>
        </div>
        <ChangePasswordForm forced={false} callbackUrl={callbackUrl} />
      </div>
    </AppShell>
  );
}
