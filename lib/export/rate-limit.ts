// Export budget: a CSV export reads every matching line, so each person gets a bounded number per window,
// on the shared rate limiter. A share link spends its creator's budget: links are free to make, so a
// budget per link would let one person multiply theirs by making more links.
import 'server-only';
import type { Scope } from '@/lib/auth/scope';
import { tooManyRequests } from '@/lib/errors';
import { rateLimiter } from '@/lib/rate-limit/process-limiters';

/** 20 exports per 10 minutes: plenty for a person, a wall for a script looping over filters. */
export const EXPORT_RATE_LIMIT = { name: 'exports', limit: 20, windowMs: 10 * 60_000 } as const;

const exports = rateLimiter(EXPORT_RATE_LIMIT);

/** Whose budget an export spends: the signed-in user, or the person who made the share link it came through. */
export function exportBudgetKey(scope: Scope): string {
  const owner = scope.owner;
  return `user:${owner.kind === 'user' ? owner.user.userId : owner.share.sharer.userId}`;
}

const refuse = (retryAfter: number) => tooManyRequests(`Too many exports; try again in ${retryAfter} s.`, retryAfter);

/** Counts one export, or throws 429 with the seconds to wait (the caller sends them as Retry-After). */
export async function takeExportAllowance(scope: Scope): Promise<void> {
  const { allowed, retryAfter } = await exports.take(exportBudgetKey(scope));
  if (!allowed) throw refuse(retryAfter);
}

/** Gives back the export just taken: it was refused before it started (a store outside the scope, say). */
export function refundExportAllowance(scope: Scope): Promise<void> {
  return exports.refund(exportBudgetKey(scope));
}

/** Forgets a budget's usage (tests). */
export function resetExportAllowance(scope: Scope): Promise<void> {
  return exports.reset(exportBudgetKey(scope));
}
