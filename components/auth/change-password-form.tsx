'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { signOut } from 'next-auth/react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { passwordChangeSchema, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-change-schema';
import { PASSWORD_PAGE_PATH } from '@/lib/auth/public-paths';
import { retryAfterSeconds, tryAgainSentence } from '@/lib/auth/retry-message';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const INPUT =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 dark:border-slate-700 dark:bg-slate-950';

/**
 * Current password and the new one twice, checked here with the API's own schema before it is sent. When
 * the change is forced (an admin set the password), success continues to where the user was going;
 * otherwise the form says it is done and stays.
 */
export function ChangePasswordForm({ forced, callbackUrl }: { forced: boolean; callbackUrl: string }) {
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setDone(false);
    const parsed = passwordChangeSchema.safeParse(Object.fromEntries((['currentPassword', 'newPassword', 'confirmPassword'] as const).map((f) => [f, String(form.get(f) ?? '')])));
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Partial<Record<Field, string[]>>;
      setFieldErrors(Object.fromEntries(Object.entries(flat).map(([f, messages]) => [f, messages?.[0]])));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const res = await fetch('/api/account/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(parsed.data),
    }).catch(() => null);
    if (res?.ok) {
      if (forced) {
        window.location.assign(callbackUrl);
        return;
      }
      formElement.reset();
      setDone(true);
      setPending(false);
      return;
    }
    setPending(false);
    if (res?.status === 401) {
      router.push(`/login?callbackUrl=${encodeURIComponent(PASSWORD_PAGE_PATH)}`);
      return;
    }
    const body = errorBodySchema.safeParse(await res?.json().catch(() => null));
    const code = body.success ? body.data.error.code : null;
    if (code === 'wrong_password') setFieldErrors({ currentPassword: 'This is not your current password.' });
    else if (res?.status === 429) setError(`Too many wrong passwords. ${tryAgainSentence(retryAfterSeconds(res.headers.get('retry-after')) ?? 60)}`);
    else setError(body.success ? body.data.error.message : 'Your password could not be changed right now. Please try again.');
  }

  // The hint and the error sit outside the label, so the field's name is its label alone; they are tied to
  // it by aria-describedby.
  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <div>
      <label className="block">
        <span className="text-sm font-medium">{label}</span>
        <input
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          aria-invalid={fieldErrors[name] ? true : undefined}
          aria-describedby={fieldErrors[name] ? `${name}-error` : hint ? `${name}-hint` : undefined}
          className={INPUT}
        />
      </label>
      {hint && !fieldErrors[name] && <p id={`${name}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
      {fieldErrors[name] && <p id={`${name}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">{fieldErrors[name]}</p>}
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      {field('currentPassword', forced ? 'Password you signed in with' : 'Current password', 'current-password')}
      {field('newPassword', 'New password', 'new-password', `At least ${PASSWORD_MIN_LENGTH} characters.`)}
      {field('confirmPassword', 'New password again', 'new-password')}
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
          Your password is changed. Your other sessions are signed out.
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>{pending ? 'Changing…' : 'Change password'}</Button>
        {forced && (
          <Button type="button" variant="ghost" onClick={() => signOut({ callbackUrl: '/login' })}>
            Sign out
          </Button>
        )}
      </div>
    </form>
  );
}
