// A new account made the way an admin makes one, in the admin console, for tests that need a user the
// demo data has not got (two people with the same role and regions, say). Returns its one-time password.
import type { Browser } from 'playwright-core';
import { demoPassword, newContext } from './browser';
import { signIn } from './sign-in';

export interface NewAccount {
  email: string;
  name: string;
  role: 'manager' | 'analyst' | 'viewer';
  regions: string[];
}

export async function createAccount(browser: Browser, account: NewAccount): Promise<string> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await signIn(page, 'admin@retailwave.test', demoPassword());
    await page.goto('/admin/users/new');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Name').fill(account.name);
    await page.getByLabel('Role').selectOption(account.role);
    for (const region of account.regions) await page.getByRole('checkbox', { name: region }).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    const password = (await page.getByTestId('one-time-password').textContent())?.trim();
    if (!password) throw new Error(`creating ${account.email} showed no password`);
    return password;
  } finally {
    await context.close();
  }
}
