'use client';

import Link from 'next/link';
import { startTransition, useActionState } from 'react';
import type { CreatedUser } from '@/lib/admin/create-user';
import { IDLE, type AdminAction } from '@/lib/admin/action-result';
import { ROLE_DESCRIPTIONS, ROLES } from '@/lib/auth/roles';
import { Button } from '@/components/ui/button';
import { FieldError, FormMessage } from './form-feedback';
import { OneTimePassword } from './one-time-password';
import { RegionCheckboxes } from './region-checkboxes';
import { inputClass, labelClass } from './styles';

export function CreateUserForm({ createUserAction }: { createUserAction: AdminAction<CreatedUser> }) {
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <OneTimePassword email={state.data.email} password={state.data.oneTimePassword} />
        <div className="flex gap-3 text-sm">
          <Link href={`/admin/users/${state.data.id}`} className="font-medium text-brand-600 hover:underline">Open the new user</Link>
          <Link href="/admin" className="font-medium text-brand-600 hover:underline">Back to users</Link>
        </div>
      </div>
    );
  }
  // Submitting through onSubmit (not only the action prop) keeps what was typed when the server refuses
  // it: React resets a form after an action-prop submission. Without JavaScript the action prop still works.
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  }
  return (
    <form action={action} onSubmit={onSubmit} className="max-w-xl space-y-5" noValidate>
      <FormMessage state={state} />
      <div>
        <label htmlFor="email" className={labelClass}>Email</label>
        <input id="email" name="email" type="email" required autoComplete="off" aria-describedby="email-error" className={inputClass} />
        <FieldError id="email-error" state={state} field="email" />
      </div>
      <div>
        <label htmlFor="name" className={labelClass}>Name</label>
        <input id="name" name="name" type="text" required autoComplete="off" aria-describedby="name-error" className={inputClass} />
        <FieldError id="name-error" state={state} field="name" />
      </div>
      <div>
        <label htmlFor="role" className={labelClass}>Role</label>
        <select id="role" name="role" defaultValue="viewer" aria-describedby="role-help" className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{r[0].toUpperCase() + r.slice(1)}</option>
          ))}
        </select>
        <p id="role-help" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {ROLES.map((r) => `${r[0].toUpperCase() + r.slice(1)}: ${ROLE_DESCRIPTIONS[r]}`).join(' ')}
        </p>
      </div>
      <div>
        <RegionCheckboxes selected={[]} describedBy="regions-error" />
        <FieldError id="regions-error" state={state} field="regions" />
      </div>
      <Button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create user'}</Button>
    </form>
  );
}
