// Number formatting for the UI: one place, so every tile formats money and counts the same way.
const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const currencyCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatMoney = (n: number) => currency.format(n);
export const formatMoneyCents = (n: number) => currencyCents.format(n);
export const formatCount = (n: number) => integer.format(n);
export const formatPercent = (fraction: number) => percent.format(fraction);
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatDecimal = (n: number) => decimal.format(n);

/** A missing figure (no data, or a ratio without a base) reads as a dash, never as a zero. */
export const NO_VALUE = '—';
export const formatOrDash = (format: (n: number) => string) => (n: number | null) => (n === null ? NO_VALUE : format(n));

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as every page writes one: `2026-12-07 14:05 UTC`, 24-hour, in the given time zone and naming
 * it (seconds on request). One format, so an admin log, a share link and a sale read alike.
 */
export function formatDateTime(at: Date | string, timeZone: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const key = `${timeZone}:${seconds}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23', timeZoneName: 'short',
    });
    dateTimeFormats.set(key, format);
  }
  const part = Object.fromEntries(format.formatToParts(typeof at === 'string' ? new Date(at) : at).map((p) => [p.type, p.value]));
  const time = `${part.hour}:${part.minute}${seconds ? `:${part.second}` : ''}`;
  return `${part.year}-${part.month}-${part.day} ${time} ${part.timeZoneName}`;
}
