import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackPath } from '@/lib/auth/callback-url';

export const metadata: Metadata = { title: 'Sign in' };

/** Only paths on this portal are followed after sign-in (no open redirect); a repeated parameter is refused. */
function safeCallback(value: string | string[] | undefined): string {
  return safeCallbackPath(value, process.env.NEXTAUTH_URL) ?? '/dashboards/sales';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 p-4 dark:from-slate-950 dark:to-slate-900">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-11 w-11 items-center justify-center rounded-xl bg-brand-600 text-lg font-bold text-white">R</div>
          <h1 className="text-2xl font-semibold">Sign in to RetailWave</h1>
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Sales analytics for your regions</p>
        </div>
        <LoginForm callbackUrl={safeCallback(params.callbackUrl)} />
      </div>
    </main>
  );
}
