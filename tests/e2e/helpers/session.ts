// One sign-in per user per test file, kept as cookies that every context of the file starts from
// (viewports, themes). The login form itself is covered by sign-in.e2e.ts; here the session comes from
// the same credentials endpoint the form posts to, without rendering a dashboard first.
import type { Browser, BrowserContext } from 'playwright-core';
import { baseUrl, demoPassword, newContext } from './browser';

export type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>;

export async function signInOnce(browser: Browser, email: string, password = demoPassword()): Promise<SignedInState> {
  const context = await newContext(browser);
  try {
    const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await context.request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password, json: 'true' },
      maxRedirects: 0,
    });
    const state = await context.storageState();
    if (!state.cookies.some((c) => c.name.endsWith('next-auth.session-token'))) {
      throw new Error(`signing in ${email} failed (HTTP ${response.status()})`);
    }
    return state;
  } finally {
    await context.close();
  }
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  theme?: 'light' | 'dark';
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A context with the user's cookies; the theme is stored the way the toggle stores it, before any page loads. */
export async function signedInContext(browser: Browser, state: SignedInState, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: options.viewport ?? DESKTOP, storageState: state });
  if (options.theme) await context.addInitScript((theme) => localStorage.setItem('rw-theme', theme), options.theme);
  return context;
}
