import Link from 'next/link';

export default function NoAccessPage() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold">Not allowed</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          Your account does not have access to this page. Ask an administrator if you think it should.
        </p>
        <Link href="/dashboards/sales" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Back to dashboards
        </Link>
      </div>
    </main>
  );
}
