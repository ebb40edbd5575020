import type { ReactElement, ReactNode } from 'react';
import LoginPage from '@/app/(auth)/login/page';
import { LoginForm } from '@/components/auth/login-form';

/** The callbackUrl the login page hands its form for a query string's value. */
async function formCallback(callbackUrl: string | string[] | undefined): Promise<string> {
  const page = await LoginPage({ searchParams: Promise.resolve({ callbackUrl }) });
  const find = (node: ReactNode): ReactElement<{ callbackUrl: string }> | null => {
    if (!node || typeof node !== 'object') return null;
    if (Array.isArray(node)) return node.map(find).find(Boolean) ?? null;
    const element = node as ReactElement<{ children?: ReactNode; callbackUrl: string }>;
    return element.type === LoginForm ? element : find(element.props.children);
  };
  const form = find(page);
  if (!form) throw new Error('no login form on the page');
  return form.props.callbackUrl;
}

describe('login page', () => {
  it('keeps a portal path', async () => {
    await expect(formCallback('/dashboards/products?regions=East')).resolves.toBe('/dashboards/products?regions=East');
  });

  it.each(['/\\evil.example/x', '//evil.example/x', 'https://evil.example/', '/..//evil.example', ' /\\evil.example'])(
    'sends %j to the default dashboard instead',
    async (hostile) => {
      await expect(formCallback(hostile)).resolves.toBe('/dashboards/sales');
    },
  );

  it('refuses a repeated callbackUrl rather than picking one', async () => {
    await expect(formCallback(['/dashboards/products', '//evil.example'])).resolves.toBe('/dashboards/sales');
  });
});
