'use client';

import { useActionState } from 'react';
import type { PasswordReset } from '@/lib/admin/reset-password';
import { IDLE, type AdminAction } from '@/lib/admin/action-result';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-feedback';
import { OneTimePassword } from './one-time-password';

export function ResetPasswordForm({ userId, resetPasswordAction }: { userId: string; resetPasswordAction: AdminAction<PasswordReset> }) {
  const [state, action, pending] = useActionState(resetPasswordAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Replaces the password with a one-time password and signs the user out everywhere.
      </p>
      {state?.ok ? <OneTimePassword email={state.data.email} password={state.data.oneTimePassword} /> : <FormMessage state={state} />}
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Resetting…' : 'Reset password'}</Button>
    </form>
  );
}
