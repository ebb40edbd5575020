import { getScope } from '@/lib/auth/page-scope';
import { AppShell } from '@/components/layout/app-shell';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const scope = await getScope();
  const user = scope.owner.user;
  return (
    <AppShell user={{ name: user.name, email: user.email, role: user.role, regions: [...scope.regions] }}>
      {children}
    </AppShell>
  );
}
