'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { tryAgainSentence } from '@/lib/auth/retry-message';
import { signInWithCredentials, type SignInOutcome } from './credentials-sign-in';

// One message for every rejection, so the form never reveals which of email or password was wrong, or
// whether the account exists; the limit counts attempts for any email alike, so saying it was hit does not either.
function messageFor(outcome: Exclude<SignInOutcome, { kind: 'signed_in' }>): string {
  switch (outcome.kind) {
    case 'limited':
      return `Too many sign-in attempts. ${tryAgainSentence(outcome.retryAfterSeconds)}`;
    case 'unavailable':
      return 'Signing in is not possible right now. Please try again shortly.';
    case 'rejected':
      return 'That email and password do not match an active account.';
  }
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const outcome = await signInWithCredentials(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    if (outcome.kind === 'signed_in') {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(messageFor(outcome));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900" noValidate>
      <label className="block">
        <span className="text-sm font-medium">Email</span>
        <input name="email" type="email" autoComplete="username" required autoFocus
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 dark:border-slate-700 dark:bg-slate-950" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Password</span>
        <input name="password" type="password" autoComplete="current-password" required
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 dark:border-slate-700 dark:bg-slate-950" />
      </label>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
