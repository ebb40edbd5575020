'use client';

import { useActionState } from 'react';
import { setActiveAction } from '@/app/admin/actions';
import { IDLE } from '@/lib/admin/action-result';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-feedback';

export function UserStatusForm({ userId, isActive }: { userId: string; isActive: boolean }) {
  const [state, action, pending] = useActionState(setActiveAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={String(!isActive)} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {isActive
          ? 'Deactivating signs the user out at once and blocks sign-in. Their history is kept.'
          : 'This account is deactivated. Reactivating lets the user sign in again with their password.'}
      </p>
      <FormMessage state={state} />
      <Button type="submit" variant={isActive ? 'danger' : 'secondary'} disabled={pending}>
        {pending ? 'Saving…' : isActive ? 'Deactivate user' : 'Reactivate user'}
      </Button>
    </form>
  );
}
