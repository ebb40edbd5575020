'use client';
// The portal's links, with the page being shown marked for assistive technology (aria-current) and by
// eye. A client leaf only for usePathname: the shell itself stays a server component.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
}

const LINK = 'block rounded-lg px-2 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500';
const IDLE = 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';
const CURRENT = 'bg-brand-50 font-medium text-brand-700 dark:bg-slate-800 dark:text-white';

/** A link is current on its own page and on the pages under it (/admin/audit is under Admin). */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? 'page' : undefined} onClick={onNavigate} className={`${LINK} ${current ? CURRENT : IDLE}`}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
