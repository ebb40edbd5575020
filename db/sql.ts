// Array parameters. Drizzle expands a JS array into a tuple, so arrays travel as one text parameter in
// Postgres array syntax and are cast on the server: still a single bound parameter, never spliced SQL.
import { sql, type SQL } from 'drizzle-orm';

// The shape is enough here: it keeps the literal's syntax intact, and Postgres refuses an impossible date.
const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function arrayLiteral(values: readonly (string | number)[]): string {
  const items = values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`));
  return `{${items.join(',')}}`;
}

export const intArray = (values: readonly number[]): SQL => {
  if (!values.every(Number.isInteger)) throw new TypeError('intArray takes integers only');
  return sql`${arrayLiteral(values)}::int[]`;
};
export const bigintArray = (values: readonly number[]): SQL => {
  if (!values.every(Number.isSafeInteger)) throw new TypeError('bigintArray takes safe integers only');
  return sql`${arrayLiteral(values)}::bigint[]`;
};
export const smallintArray = (values: readonly number[]): SQL => {
  if (!values.every(Number.isInteger)) throw new TypeError('smallintArray takes integers only');
  return sql`${arrayLiteral(values)}::smallint[]`;
};
export const textArray = (values: readonly string[]): SQL => sql`${arrayLiteral(values)}::text[]`;

/** Days as YYYY-MM-DD strings, cast to date on the server. */
export const dateArray = (days: readonly string[]): SQL => {
  if (!days.every((day) => DAY_SHAPE.test(day))) throw new TypeError('dateArray takes YYYY-MM-DD days only');
  return sql`${arrayLiteral(days)}::date[]`;
};
