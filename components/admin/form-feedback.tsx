import type { ActionState } from '@/lib/admin/action-result';

/** The outcome of the last submission, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
      {state.message}
    </p>
  );
}

export function FieldError({ id, state, field }: { id: string; state: ActionState<unknown>; field: string }) {
  const errors = state && !state.ok ? state.fieldErrors?.[field] : undefined;
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-600 dark:text-red-400">
      {errors.join(' ')}
    </p>
  );
}
