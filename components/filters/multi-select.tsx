'use client';

import { useEffect, useId, useRef, useState } from 'react';

/** Announced on window when a multi-select opens, so the others close: one panel over the page at a time. */
const OPENED = 'rw:multi-select-opened';

export interface Option {
  value: string;
  label: string;
  group?: string;
}

/**
 * A keyboard-accessible multi-select in a disclosure: checkboxes, optional groups and a search box. It
 * closes on Escape (focus back on its button), on a click outside it, and when another one opens.
 */
export function MultiSelect({ label, options, selected, onChange, searchable = false }: {
  label: string;
  options: Option[];
  selected: string[];
  onChange: (values: string[]) => void;
  searchable?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  // The list is rendered while the disclosure is open only: a page has several of these with dozens of
  // options each, which would otherwise be rendered on the server and hydrated for nothing.
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (!open) return;
    const element = details.current;
    window.dispatchEvent(new CustomEvent(OPENED, { detail: id }));
    const close = (refocus: boolean) => {
      if (!element) return;
      element.open = false;
      if (refocus) element.querySelector('summary')?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close(true);
    };
    const onPointer = (e: PointerEvent) => {
      if (element && !element.contains(e.target as Node)) close(false);
    };
    const onOther = (e: Event) => {
      if ((e as CustomEvent<string>).detail !== id) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener(OPENED, onOther);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener(OPENED, onOther);
    };
  }, [open, id]);
  const visible = options.filter((o) => !query || `${o.label} ${o.value}`.toLowerCase().includes(query.toLowerCase()));
  const groups = [...new Set(visible.map((o) => o.group ?? ''))];
  const toggle = (value: string) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <details ref={details} className="group relative" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary
        className="flex cursor-pointer list-none items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        aria-label={`${label} filter`}
      >
        {label}
        {selected.length > 0 && <span className="rounded-full bg-brand-600 px-1.5 text-xs text-white">{selected.length}</span>}
        <span aria-hidden className="text-slate-400 group-open:rotate-180">▾</span>
      </summary>
      {open && (
        <div className="absolute left-0 z-30 mt-1 max-h-80 w-64 overflow-auto rounded-xl border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          {searchable && (
            <input
              type="search"
              placeholder={`Search ${label.toLowerCase()}…`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="mb-2 w-full rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
            />
          )}
          {groups.map((group) => (
            <fieldset key={group || 'all'} className="mb-1">
              {group && <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{group}</legend>}
              {visible.filter((o) => (o.group ?? '') === group).map((o) => (
                <label key={o.value} htmlFor={`${id}-${o.value}`} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
                  <input id={`${id}-${o.value}`} type="checkbox" checked={selected.includes(o.value)} onChange={() => toggle(o.value)} />
                  {o.label}
                </label>
              ))}
            </fieldset>
          ))}
          {visible.length === 0 && <p className="px-1 py-2 text-sm text-slate-500">No matches.</p>}
          {selected.length > 0 && (
            <button type="button" onClick={() => onChange([])} className="mt-1 w-full rounded px-1 py-1 text-left text-xs text-brand-600 hover:underline">
              Clear {label.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </details>
  );
}
