'use client';

import { useActionState } from 'react';
import type { UpdateResult } from '@/lib/admin/update-user';
import { IDLE, type AdminAction } from '@/lib/admin/action-result';
import { Button } from '@/components/ui/button';
import { FieldError, FormMessage } from './form-feedback';
import { RegionCheckboxes } from './region-checkboxes';

export function UserRegionsForm({ userId, regions, isAdmin, changeRegionsAction }: { userId: string; regions: string[]; isAdmin: boolean; changeRegionsAction: AdminAction<UpdateResult> }) {
  const [state, action, pending] = useActionState(changeRegionsAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <RegionCheckboxes key={regions.join()} selected={regions} describedBy="user-regions-error" hideLegend />
      <FieldError id="user-regions-error" state={state} field="regions" />
      {isAdmin && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Administrators see every region; these grants apply if the role changes.
        </p>
      )}
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Saving…' : 'Save regions'}</Button>
    </form>
  );
}
