import { REGION_NAMES } from '@/lib/filters/regions';

/** `hideLegend` when a visible heading (a card title) already says "Regions"; screen readers still hear it. */
export function RegionCheckboxes({ selected, describedBy, hideLegend = false }: { selected: readonly string[]; describedBy?: string; hideLegend?: boolean }) {
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className={hideLegend ? 'sr-only' : 'text-sm font-medium text-slate-700 dark:text-slate-200'}>Regions</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {REGION_NAMES.map((region) => (
          <label key={region} className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-slate-700 dark:has-[:checked]:bg-slate-800">
            <input type="checkbox" name="regions" value={region} defaultChecked={selected.includes(region)} className="h-4 w-4 accent-brand-600" />
            {region}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
