// What an admin server action returns to its form: a typed success, or a message a person can act on.
// Errors never leave as raw exceptions: refusals keep their message, anything unexpected is logged here
// and answered generically.
import { z, ZodError } from 'zod';
import { AppError } from '@/lib/errors';

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** The state of a form before its first submission. */
export const IDLE = null;
export type ActionState<T = undefined> = ActionResult<T> | typeof IDLE;

/**
 * A server action as its form receives it: pages (app/admin) pass their actions down as props, so the
 * forms in components/ never import from app/.
 */
export type AdminAction<T> = (state: ActionState<T>, form: FormData) => Promise<ActionResult<T>>;

export function actionFailure(error: unknown): ActionResult<never> {
  if (error instanceof ZodError) {
    const fieldErrors = z.flattenError(error).fieldErrors as Record<string, string[]>;
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors };
  }
  if (error instanceof AppError) return { ok: false, message: error.message };
  console.error('[retailwave] admin action failed', error);
  return { ok: false, message: 'Something went wrong on our side. Nothing was changed; please try again.' };
}
