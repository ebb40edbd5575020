import Link from 'next/link';
import { can } from '@/lib/auth/roles';
import { UserMenu, type ShellViewer } from './user-menu';
import { ThemeToggle } from './theme-toggle';

const NAV = [
  { href: '/dashboards/sales', label: 'Sales overview' },
  { href: '/dashboards/products', label: 'Products' },
  { href: '/dashboards/customers', label: 'Customers' },
  { href: '/dashboards/live', label: 'Live monitor' },
];

const LINK = 'rounded-lg px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';

export function AppShell({ viewer, children }: { viewer: ShellViewer; children: React.ReactNode }) {
  const links = [
    ...NAV,
    ...(can(viewer.role, 'share') ? [{ href: '/shares', label: 'Shared links' }] : []),
    ...(viewer.role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-4 md:block dark:border-slate-800 dark:bg-slate-900">
        <Link href="/dashboards/sales" className="mb-6 flex items-center gap-2 px-2 font-semibold">
          <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">R</span>
          RetailWave
        </Link>
        <nav aria-label="Dashboards" className="space-y-1">
          {links.map((item) => (
            <Link key={item.href} href={item.href} className={`block ${LINK}`}>
              {item.label}
            </Link>
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
          <Link href="/dashboards/sales" className="font-semibold md:hidden">RetailWave</Link>
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            <UserMenu viewer={viewer} />
          </div>
        </header>
        {/* Below md the sidebar is hidden: the same links as a row under the header. */}
        <nav aria-label="Dashboards" className="flex gap-1 overflow-x-auto border-b border-slate-200 bg-white px-2 py-1 md:hidden dark:border-slate-800 dark:bg-slate-900">
          {links.map((item) => (
            <Link key={item.href} href={item.href} className={`shrink-0 whitespace-nowrap ${LINK}`}>
              {item.label}
            </Link>
          ))}
        </nav>
        <main className="flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
