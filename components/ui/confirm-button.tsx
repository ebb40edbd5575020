'use client';

// A button that asks before it acts, in a dialog of the page (the platform's <dialog>: modal, Escape
// cancels, focus stays inside) rather than the browser's confirm(), which looks like a system warning and
// cannot be styled, labelled or tested like the rest of the page.
import { useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

export function ConfirmButton({ children, title, message, confirmLabel, onConfirm, disabled, variant = 'danger', className, ariaLabel }: {
  children: ReactNode;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  variant?: 'danger' | 'primary';
  className?: string;
  ariaLabel?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <Button type="button" variant={variant} className={className} disabled={disabled} aria-label={ariaLabel} onClick={() => dialog.current?.showModal()}>
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-message`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold">{title}</h2>
        <p id={`${id}-message`} className="mt-2 text-sm text-slate-600 dark:text-slate-300">{message}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>Cancel</Button>
          <Button
            type="button"
            variant={variant}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
