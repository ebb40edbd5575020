// Export budget: a CSV export reads every matching line, so each user (or share link) gets a bounded
// number per window, on the shared rate limiter (Upstash when configured, in memory otherwise).
import type { Scope } from '@/lib/auth/scope';
import { tooManyRequests } from '@/lib/errors';
import { rateLimiter } from '@/lib/rate-limit/process-limiters';

/** 20 exports per 10 minutes: plenty for a person, a wall for a script looping over filters. */
export const EXPORT_RATE_LIMIT = { name: 'exports', limit: 20, windowMs: 10 * 60_000 } as const;

const exports = rateLimiter(EXPORT_RATE_LIMIT);

/** Whose budget an export spends: the signed-in user, or the share link it came through. */
export function exportBudgetKey(scope: Scope): string {
  return scope.owner.kind === 'user' ? `user:${scope.owner.user.userId}` : `share:${scope.owner.share.shareId}`;
}

/** Counts one export, or throws 429 with the seconds to wait (the caller sends them as Retry-After). */
export async function takeExportAllowance(scope: Scope): Promise<void> {
  const { allowed, retryAfter } = await exports.take(exportBudgetKey(scope));
  if (!allowed) throw tooManyRequests(`Too many exports; try again in ${retryAfter} s.`, retryAfter);
}

/** Forgets a budget's usage (tests). */
export function resetExportAllowance(scope: Scope): Promise<void> {
  return exports.reset(exportBudgetKey(scope));
}
