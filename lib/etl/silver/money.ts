// Exact money arithmetic for the ETL. Amounts arrive as JSON numbers; they are scaled to integer
// micro-units once (binary fractions like 1.005 land exactly there) and rounded half up to cents.

const MICROS_PER_CENT = 10_000n;

function micros(amount: number): bigint {
  return BigInt(Math.round(amount * 1_000_000));
}

function roundToCents(value: bigint): number {
  return Number((value + MICROS_PER_CENT / 2n) / MICROS_PER_CENT);
}

/** A non-negative amount in cents, rounded half up. */
export function cents(amount: number): number {
  return roundToCents(micros(amount));
}

/** quantity × unit price in cents, rounded half up once (not after rounding the price). */
export function centsOfProduct(quantity: number, unitPrice: number): number {
  return roundToCents(BigInt(quantity) * micros(unitPrice));
}

/** Cents as the decimal text a numeric column takes ('1234.50'). */
export function centsToDecimal(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
