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
