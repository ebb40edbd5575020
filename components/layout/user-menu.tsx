'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { signOut } from 'next-auth/react';
import { accountSchema, type Account } from '@/lib/auth/account';
import { PASSWORD_PAGE_PATH } from '@/lib/auth/public-paths';
import type { Role } from '@/lib/auth/roles';

/** What the page was rendered for: the same for everyone with this role and these regions. */
export interface ShellViewer {
  role: Role;
  regions: string[];
}

/** The signed-in user's name and email, asked for once the page is up (the page itself is not personal). */
function useAccount(): Account | null {
  const [account, setAccount] = useState<Account | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/me', { cache: 'no-store', signal: controller.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then((body) => {
        const parsed = accountSchema.safeParse(body);
        if (parsed.success) setAccount(parsed.data);
      })
      // without it the menu keeps its placeholder and still signs out
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return account;
}

const initialsOf = (name: string) => name.split(' ').map((p) => p[0]).join('').slice(0, 2);

export function UserMenu({ viewer }: { viewer: ShellViewer }) {
  const [open, setOpen] = useState(false);
  const account = useAccount();
  return (
    <div className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-lg px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
          {account ? initialsOf(account.name) : ''}
        </span>
        {account ? (
          <span className="hidden w-32 truncate text-left sm:inline-block" title={account.name} data-testid="user-name">{account.name}</span>
        ) : (
          <>
            {/* as wide as the name that replaces it, so the header does not shift when it arrives */}
            <span aria-hidden="true" className="hidden h-4 w-32 animate-pulse rounded bg-slate-200 sm:inline-block dark:bg-slate-700" />
            <span className="sr-only">Account</span>
          </>
        )}
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-20 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
          {account && (
            <>
              <p className="font-medium">{account.name}</p>
              <p className="text-slate-500 dark:text-slate-400" data-testid="user-email">{account.email}</p>
            </>
          )}
          <p className="mt-2 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">Role</p>
          <p className="capitalize" data-testid="user-role">{viewer.role}</p>
          <p className="mt-2 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">Regions</p>
          <p data-testid="user-regions">{viewer.regions.join(', ')}</p>
          <Link
            role="menuitem"
            href={PASSWORD_PAGE_PATH}
            className="mt-3 block w-full rounded-lg border border-slate-300 px-3 py-1.5 text-left hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Change password
          </Link>
          <button
            role="menuitem"
            type="button"
            onClick={() => signOut({ callbackUrl: '/login' })}
            className="mt-2 w-full rounded-lg border border-slate-300 px-3 py-1.5 text-left hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
