import { getScope } from '@/lib/auth/page-scope';
import { AppShell } from '@/components/layout/app-shell';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const scope = await getScope();
  // Role and regions only: the render depends on what the viewer may see, not on who they are (the
  // account menu asks GET /api/me for the name).
  return (
    <AppShell viewer={{ role: scope.owner.user.role, regions: [...scope.regions] }}>
      {children}
    </AppShell>
  );
}
