import { getScope } from '@/lib/auth/page-scope';
import { AppShell } from '@/components/layout/app-shell';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const scope = await getScope();
  // Role and regions only: the page is shared by everyone who has the same (lib/page-cache/page-key.ts).
  return (
    <AppShell viewer={{ role: scope.owner.user.role, regions: [...scope.regions] }}>
      {children}
    </AppShell>
  );
}
