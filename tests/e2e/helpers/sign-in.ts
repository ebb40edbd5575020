// Signing in and out the way a person does: the login form, then the user menu.
import type { Page } from 'playwright-core';

export async function fillLoginForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the Sales overview (where the login form sends a person by default). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await fillLoginForm(page, email, password);
  await page.waitForURL('**/dashboards/sales', { timeout: 30_000 });
}

export async function openUserMenu(page: Page): Promise<void> {
  await page.locator('header button[aria-haspopup="menu"]').click();
  await page.getByRole('menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await openUserMenu(page);
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/login**');
}

/** Fills the change-password form (the forced one after an admin-set password, or the one in the account menu). */
export async function fillPasswordForm(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel(/^(Current password|Password you signed in with)$/).fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
}
