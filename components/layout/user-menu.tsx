'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';
import type { Role } from '@/lib/auth/roles';

export interface ShellUser {
  name: string;
  email: string;
  role: Role;
  regions: string[];
}

export function UserMenu({ user }: { user: ShellUser }) {
  const [open, setOpen] = useState(false);
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
          {user.name.split(' ').map((p) => p[0]).join('').slice(0, 2)}
        </span>
        <span className="hidden sm:inline">{user.name}</span>
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-20 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <p className="font-medium">{user.name}</p>
          <p className="text-slate-500 dark:text-slate-400">{user.email}</p>
          <p className="mt-2 text-xs uppercase tracking-wide text-slate-500">Role</p>
          <p className="capitalize" data-testid="user-role">{user.role}</p>
          <p className="mt-2 text-xs uppercase tracking-wide text-slate-500">Regions</p>
          <p data-testid="user-regions">{user.regions.join(', ')}</p>
          <button
            role="menuitem"
            type="button"
            onClick={() => signOut({ callbackUrl: '/login' })}
            className="mt-3 w-full rounded-lg border border-slate-300 px-3 py-1.5 text-left hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
