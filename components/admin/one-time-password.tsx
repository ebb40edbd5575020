'use client';

import { useState } from 'react';

/** A generated password, shown once: it is not stored anywhere the admin could see it again. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(password).then(() => setCopied(true), () => setCopied(false));
  }
  return (
    <div className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950">
      <p className="font-medium text-amber-900 dark:text-amber-200">One-time password for {email}</p>
      <p className="mt-1 text-amber-800 dark:text-amber-300">
        Copy it now and give it to the user over a safe channel. It will not be shown again.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <code data-testid="one-time-password" className="select-all rounded-md bg-white px-3 py-1.5 font-mono text-base text-slate-900 ring-1 ring-amber-300 dark:bg-slate-900 dark:text-slate-100 dark:ring-amber-700">
          {password}
        </code>
        <button type="button" onClick={copy} className="rounded-lg border border-amber-400 px-3 py-1.5 text-amber-900 hover:bg-amber-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 dark:text-amber-200 dark:hover:bg-amber-900">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
