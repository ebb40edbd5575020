import Link from 'next/link';
import { can } from '@/lib/auth/roles';
import { UserMenu, type ShellViewer } from './user-menu';
import { ThemeToggle } from './theme-toggle';
import { NavLinks, type NavItem } from './nav-links';
import { PhoneMenu } from './phone-menu';
import { SkipLink, MAIN_ID } from './skip-link';

const NAV: NavItem[] = [
  { href: '/dashboards/sales', label: 'Sales overview' },
  { href: '/dashboards/products', label: 'Products' },
  { href: '/dashboards/customers', label: 'Customers' },
  { href: '/dashboards/live', label: 'Live monitor' },
];

export function AppShell({ viewer, children }: { viewer: ShellViewer; children: React.ReactNode }) {
  const links = [
    ...NAV,
    ...(can(viewer.role, 'share') ? [{ href: '/shares', label: 'Shared links' }] : []),
    ...(viewer.role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <div className="flex min-h-screen">
      <SkipLink />
      <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-4 md:block dark:border-slate-800 dark:bg-slate-900">
        <Link href="/dashboards/sales" className="mb-6 flex items-center gap-2 px-2 font-semibold">
          <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">R</span>
          RetailWave
        </Link>
        <nav aria-label="Dashboards">
          <NavLinks items={links} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        {/* relative: the phone menu's panel opens under the header, across the page's full width. */}
        <header className="relative flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
          <PhoneMenu items={links} />
          <Link href="/dashboards/sales" className="font-semibold md:hidden">RetailWave</Link>
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            <UserMenu viewer={viewer} />
          </div>
        </header>
        <main id={MAIN_ID} tabIndex={-1} className="flex-1 p-4 focus:outline-none md:p-6">{children}</main>
      </div>
    </div>
  );
}
