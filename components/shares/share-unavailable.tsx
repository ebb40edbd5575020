import type { ShareScopeResult } from '@/lib/auth/scope';
import { shareUnavailable } from '@/lib/auth/shared-route';

type Reason = Exclude<ShareScopeResult, { ok: true }>['reason'];

const TITLES: Record<Reason, string> = {
  unknown: 'Link not found',
  expired: 'This link has expired',
  revoked: 'This link was revoked',
  stopped: 'This link is no longer available',
};

/** What a visitor sees for a dead or unknown share link: what happened and what to do, never a stack trace. */
export function ShareUnavailable({ reason }: { reason: Reason }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-md text-center" role="alert" data-testid="share-unavailable" data-reason={reason}>
        <span className="mx-auto mb-4 flex h-10 w-10 items-center justify-center rounded-xl bg-brand-600 font-semibold text-white">R</span>
        <h1 className="text-2xl font-semibold">{TITLES[reason]}</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">{shareUnavailable(reason).message}</p>
      </div>
    </main>
  );
}
