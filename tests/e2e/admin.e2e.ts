import type { Browser } from 'playwright-core';
import { demoPassword, launchBrowser, newContext, screenshot } from './helpers/browser';
import { fillLoginForm, fillPasswordForm, openUserMenu, signIn, signOut } from './helpers/sign-in';

describe('admin console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('an admin creates a North user who must choose a password at first sign-in, then sees only North', async () => {
    const email = `north.${Date.now()}@example.test`;
    const admin = await newContext(browser);
    const page = await admin.newPage();
    await signIn(page, 'admin@retailwave.test', demoPassword());
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await screenshot(page, 'admin-users');

    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Nora North');
    await page.getByLabel('Role').selectOption('viewer');
    await page.getByRole('checkbox', { name: 'North' }).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    const password = (await page.getByTestId('one-time-password').textContent())?.trim();
    expect(password).toMatch(/^\S{12,}$/);
    await screenshot(page, 'admin-user-created');

    await page.getByRole('link', { name: 'Open the new user' }).click();
    await page.getByRole('heading', { name: 'Nora North' }).waitFor();
    await expect(page.getByRole('checkbox', { name: 'North' }).isChecked()).resolves.toBe(true);
    await screenshot(page, 'admin-user-detail');

    await page.goto('/admin/audit?action=user_created');
    await expect(page.getByTestId('audit-row').first().textContent()).resolves.toContain(email);
    await screenshot(page, 'admin-audit');
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('heading', { name: 'Roles' }).waitFor();
    await screenshot(page, 'admin-roles');
    await signOut(page);
    await admin.close();

    const fresh = await newContext(browser);
    const userPage = await fresh.newPage();
    await fillLoginForm(userPage, email, password!);
    // The one-time password opens only the page that replaces it: every page and API sends them back there.
    await userPage.waitForURL('**/account/password**');
    await userPage.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    expect((await fresh.request.get('/api/me')).status()).toBe(403);
    await userPage.goto('/dashboards/products');
    await userPage.waitForURL('**/account/password?callbackUrl=%2Fdashboards%2Fproducts');
    await userPage.goto('/account/password');
    await fillPasswordForm(userPage, password!, 'short');
    await userPage.getByText('Use at least 12 characters.').waitFor();
    await screenshot(userPage, 'forced-password-change');
    await fillPasswordForm(userPage, password!, 'North is my region now');
    await userPage.waitForURL('**/dashboards/sales', { timeout: 30_000 });
    await userPage.getByRole('heading', { name: 'Sales overview' }).waitFor();
    await expect(userPage.getByTestId('view-summary').textContent()).resolves.toMatch(/ · North$/);
    const regions = await userPage.getByTestId('transactions-table').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set(['North']));
    await openUserMenu(userPage);
    await expect(userPage.getByTestId('user-regions').textContent()).resolves.toBe('North');
    await expect(userPage.getByTestId('user-role').textContent()).resolves.toBe('viewer');
    await screenshot(userPage, 'new-north-user');
    await fresh.close();
  });

  it('a viewer is turned away from /admin with 403 and the Not allowed page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'viewer@retailwave.test', demoPassword());
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    const api = await context.request.get('/api/admin/users');
    expect(api.status()).toBe(403);
    await screenshot(page, 'viewer-on-admin');
    await context.close();
  });
});
