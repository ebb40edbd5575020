import Link from 'next/link';

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold">Not allowed</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          {reason === 'region'
            ? 'This view asks for a region you do not have access to. Remove that region from the filters, or ask an administrator for access.'
            : 'Your account does not have access to this page. Ask an administrator if you think it should.'}
        </p>
        <Link href="/dashboards/sales" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Back to dashboards
        </Link>
      </div>
    </main>
  );
}
