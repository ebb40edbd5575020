import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '@/lib/auth/demo-users';
import { createAccount } from './helpers/accounts';
import { demoPassword, launchBrowser, newContext, screenshot } from './helpers/browser';
import { signedInContext, signInOnce } from './helpers/session';
import { fillLoginForm, fillPasswordForm, openUserMenu, signIn, signOut } from './helpers/sign-in';

describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it.each(DEMO_USERS.map((u) => [u.email, u] as const))('%s sees the Sales overview with their role and regions', async (_email, user) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, user.email, demoPassword());
    await page.getByRole('heading', { name: 'Sales overview' }).waitFor();
    for (const kpi of ['revenue', 'transactions', 'avgOrderValue']) {
      // visible ones only: streamed content arrives in a hidden container before React moves it into place
      await page.getByTestId(`kpi-${kpi}`).filter({ visible: true }).waitFor();
    }
    await openUserMenu(page);
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe(user.role);
    await expect(page.getByTestId('user-regions').textContent()).resolves.toBe(user.regions.join(', '));
    await screenshot(page, `sales-overview-${user.role}`);
    await context.close();
  });

  it('shows one generic message for a wrong password', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await fillLoginForm(page, 'analyst@retailwave.test', 'not-the-password');
    // the form's own alert (Next's route announcer is an empty role=alert too)
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe('That email and password do not match an active account.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-wrong-password');
    await context.close();
  });

  it('a user changes their password from the account menu, which signs out their other sessions', async () => {
    const email = `changer.${Date.now()}@example.test`;
    const oneTime = await createAccount(browser, { email, name: 'Chris Changer', role: 'analyst', regions: ['West'] });
    const first = 'first own password';
    const context = await newContext(browser);
    const page = await context.newPage();
    await fillLoginForm(page, email, oneTime);
    await page.waitForURL('**/account/password**');
    await fillPasswordForm(page, oneTime, first);
    await page.waitForURL('**/dashboards/sales', { timeout: 30_000 });
    const elsewhere = await signedInContext(browser, await signInOnce(browser, email, first));

    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    await fillPasswordForm(page, 'not my password', 'second own password');
    await page.getByText('This is not your current password.').waitFor();
    await fillPasswordForm(page, first, 'second own password');
    await page.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();
    await screenshot(page, 'password-changed');

    // This session goes on; the other one is over.
    await page.goto('/dashboards/sales');
    await page.getByRole('heading', { name: 'Sales overview' }).waitFor();
    const other = await elsewhere.newPage();
    await other.goto('/dashboards/sales');
    await other.waitForURL('**/login**');
    await elsewhere.close();

    await signOut(page);
    await fillLoginForm(page, email, first);
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe('That email and password do not match an active account.');
    await signIn(page, email, 'second own password');
    await context.close();
  });
});
