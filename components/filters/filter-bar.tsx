'use client';

import { useState } from 'react';
import type { FilterOptions } from '@/lib/queries/list-filter-options';
import { COMPARE_MODES, type CompareMode } from '@/lib/calendar/comparison';
import { DATE_PRESETS, DATE_PRESET_LABELS, type DatePreset } from '@/lib/filters/date-presets';
import type { DashboardState, Selection } from '@/lib/filters/dashboard-state';
import { MultiSelect } from './multi-select';
import { useDashboardUrl } from './use-dashboard-url';

const COMPARE_LABELS: Record<CompareMode, string> = { previous: 'vs previous period', year: 'vs same period last year' };

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function selectionLabel(s: Selection, options: FilterOptions): string {
  if (s.dimension === 'store') return options.stores.find((o) => o.code === s.key)?.name ?? s.key;
  if (s.dimension === 'hour') return `${s.key.padStart(2, '0')}:00`;
  if (s.dimension === 'weekday') return WEEKDAYS[Number(s.key)] ?? s.key;
  return s.key;
}

/**
 * Filter bar of every dashboard: date range and what it is compared with, regions, stores, categories, segments, and the active chips.
 * `shown` is the view's state as the server clipped it to the viewer's regions.
 */
export function FilterBar({ options, range, shown }: { options: FilterOptions; range: { from: string; to: string }; shown: DashboardState }) {
  const { state, navigate, pending } = useDashboardUrl(shown);
  const [copied, setCopied] = useState(false);
  const set = (patch: Partial<DashboardState>) => navigate((s) => ({ ...s, ...patch }));
  const preset = state.from || state.to ? 'custom' : (state.range ?? 'last30');

  const chips: { label: string; remove: () => void }[] = [
    ...state.regions.map((r) => ({ label: `Region: ${r}`, remove: () => set({ regions: state.regions.filter((x) => x !== r) }) })),
    ...state.stores.map((c) => ({
      label: `Store: ${options.stores.find((s) => s.code === c)?.name ?? c}`,
      remove: () => set({ stores: state.stores.filter((x) => x !== c) }),
    })),
    ...state.categories.map((c) => ({ label: `Category: ${c}`, remove: () => set({ categories: state.categories.filter((x) => x !== c) }) })),
    ...state.segments.map((c) => ({ label: `Segment: ${c}`, remove: () => set({ segments: state.segments.filter((x) => x !== c) }) })),
    ...state.sel.map((s) => ({
      label: `Selected ${s.dimension}: ${selectionLabel(s, options)}`,
      remove: () => set({ sel: state.sel.filter((x) => !(x.dimension === s.dimension && x.key === s.key)) }),
    })),
  ];

  async function copyLink() {
    await navigator.clipboard?.writeText(window.location.href).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  }

  return (
    <div className="space-y-2" data-testid="filter-bar" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="date-preset">Date range</label>
        <select
          id="date-preset"
          value={preset}
          onChange={(e) =>
            e.target.value === 'custom'
              ? set({ range: undefined, from: range.from, to: range.to })
              : set({ range: e.target.value === 'last30' ? undefined : (e.target.value as DatePreset), from: undefined, to: undefined })
          }
          className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {DATE_PRESETS.map((p) => (
            <option key={p} value={p}>{DATE_PRESET_LABELS[p]}</option>
          ))}
          <option value="custom">Custom range</option>
        </select>
        {preset === 'custom' && (
          <span className="flex items-center gap-1 text-sm">
            <input aria-label="From" type="date" value={range.from} max={range.to}
              onChange={(e) => e.target.value && set({ from: e.target.value, range: undefined })}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
            –
            <input aria-label="To" type="date" value={range.to} min={range.from}
              onChange={(e) => e.target.value && set({ to: e.target.value, range: undefined })}
              className="rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
          </span>
        )}
        <label className="sr-only" htmlFor="compare-with">Compare with</label>
        <select
          id="compare-with"
          value={state.compare}
          onChange={(e) => set({ compare: e.target.value as CompareMode })}
          className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {COMPARE_MODES.map((mode) => (
            <option key={mode} value={mode}>{COMPARE_LABELS[mode]}</option>
          ))}
        </select>
        {options.regions.length > 1 && (
          <MultiSelect label="Regions" options={options.regions.map((r) => ({ value: r, label: r }))} selected={state.regions} onChange={(regions) => set({ regions: regions as DashboardState['regions'] })} />
        )}
        <MultiSelect label="Stores" searchable
          options={options.stores.filter((s) => state.regions.length === 0 || (state.regions as string[]).includes(s.region)).map((s) => ({ value: s.code, label: `${s.name} (${s.code})`, group: s.region }))}
          selected={state.stores} onChange={(stores) => set({ stores })} />
        <MultiSelect label="Categories" options={options.categories.map((c) => ({ value: c, label: c }))} selected={state.categories} onChange={(categories) => set({ categories })} />
        <MultiSelect label="Segments" options={options.segments.map((c) => ({ value: c, label: c }))} selected={state.segments} onChange={(segments) => set({ segments: segments as DashboardState['segments'] })} />
        <button type="button" onClick={copyLink} className="ml-auto rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
          {copied ? 'Link copied' : 'Copy link'}
        </button>
      </div>
      {chips.length > 0 && (
        <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.label}>
              <button type="button" onClick={chip.remove} aria-label={`Remove ${chip.label}`}
                className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2.5 py-0.5 text-xs text-brand-700 hover:bg-brand-100 dark:bg-slate-800 dark:text-slate-200">
                {chip.label} <span aria-hidden>×</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" onClick={() => set({ regions: [], stores: [], categories: [], segments: [], sel: [] })} className="text-xs text-slate-500 hover:underline">
              Clear all
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
