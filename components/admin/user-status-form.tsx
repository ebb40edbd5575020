'use client';

import { useActionState } from 'react';
import type { UpdateResult } from '@/lib/admin/update-user';
import { IDLE, type AdminAction } from '@/lib/admin/action-result';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-feedback';

export function UserStatusForm({ userId, isActive, setActiveAction }: { userId: string; isActive: boolean; setActiveAction: AdminAction<UpdateResult> }) {
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
