import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '@/lib/auth/demo-users';
import { demoPassword, launchBrowser, newContext, screenshot } from './helpers/browser';
import { fillLoginForm, openUserMenu, signIn } from './helpers/sign-in';

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
});
