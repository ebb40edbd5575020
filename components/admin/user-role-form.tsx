'use client';

import { useActionState } from 'react';
import type { UpdateResult } from '@/lib/admin/update-user';
import { IDLE, type AdminAction } from '@/lib/admin/action-result';
import { ROLES, type Role } from '@/lib/auth/roles';
import { Button } from '@/components/ui/button';
import { FormMessage } from './form-feedback';
import { inputClass, labelClass } from './styles';

export function UserRoleForm({ userId, role, changeRoleAction }: { userId: string; role: Role; changeRoleAction: AdminAction<UpdateResult> }) {
  const [state, action, pending] = useActionState(changeRoleAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <div>
        <label htmlFor="role" className={labelClass}>Role</label>
        {/* keyed by the saved role so a refused change shows the role that is really in force */}
        <select key={role} id="role" name="role" defaultValue={role} className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{r[0].toUpperCase() + r.slice(1)}</option>
          ))}
        </select>
      </div>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Saving…' : 'Save role'}</Button>
    </form>
  );
}
