// The one way a page (server component) gets its Scope. Middleware already redirects signed-out visitors;
// this re-checks on the server because middleware is a gate, not the lock.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { passwordChangePath } from './public-paths';
import type { Permission } from './roles';
import { scopeCan, scopeFromSession, type UserScope } from './scope';
import { readSessionClaims } from './session';

/** Once per request: the layout and the page both ask, and each check decrypts the session and reads the user. */
const sessionScope = cache(async () => scopeFromSession(await readSessionClaims(await cookies())));

export async function getScope(options: { permission?: Permission; callbackUrl?: string } = {}): Promise<UserScope> {
  const result = await sessionScope();
  if (!result.ok) {
    if (result.reason === 'no_regions') redirect('/no-access');
    if (result.reason === 'password_change_required') redirect(passwordChangePath(options.callbackUrl));
    redirect(`/login${options.callbackUrl ? `?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : ''}`);
  }
  if (options.permission && !scopeCan(result.scope, options.permission)) redirect('/no-access');
  return result.scope;
}
