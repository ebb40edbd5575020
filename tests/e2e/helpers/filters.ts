// The filter bar's drop-downs (regions, stores, categories, segments), used the way a person does.
import type { Locator, Page } from 'playwright-core';

export function filter(page: Page, label: string): Locator {
  return page.locator('details', { has: page.locator(`summary[aria-label="${label} filter"]`) });
}

/** Opens a filter's drop-down unless it is open. */
export async function openFilter(page: Page, label: string): Promise<Locator> {
  const details = filter(page, label);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return details;
}

export interface StoreOption {
  checkbox: Locator;
  name: string;
  code: string;
}

function storeOption(label: Locator): Promise<StoreOption> {
  return label.textContent().then((text) => {
    const [, name, code] = text?.trim().match(/^(.*) \((S\d+)\)$/) ?? [];
    if (!code) throw new Error(`unexpected store option ${JSON.stringify(text)}`);
    return { checkbox: label.getByRole('checkbox'), name, code };
  });
}

/** The first store of a region as the Stores filter lists it ("Boston Town Center (S003)"). */
export async function firstStoreOf(page: Page, region: string): Promise<StoreOption> {
  const stores = await openFilter(page, 'Stores');
  return storeOption(stores.getByRole('group', { name: region }).locator('label').first());
}

export async function storeByCode(page: Page, code: string): Promise<StoreOption> {
  const stores = await openFilter(page, 'Stores');
  return storeOption(stores.locator('label', { hasText: `(${code})` }));
}

/**
 * Ticks one box of a filter and waits for the view it navigates to. The box is controlled by the URL,
 * so it shows ticked once the new view has arrived (check() would see it untick meanwhile and give up).
 */
export async function tick(page: Page, label: string, box: Locator, arrived: (url: URL) => boolean): Promise<void> {
  await openFilter(page, label);
  await box.click();
  await page.waitForURL(arrived);
  await page.waitForFunction((input) => (input as HTMLInputElement).checked, await box.elementHandle());
}
