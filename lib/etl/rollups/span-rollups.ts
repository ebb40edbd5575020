// Keeps the span rollups (db/schema/gold-spans.ts) equal to the day rollups they span, two ways:
// Spans hold the days up to the horizon (gold.span_horizon): closed days, so live batches touch day rows only.
// - addToSpans: a batch's changes to day rows up to the horizon (late data), added to the span of every
//   level that holds each day, in the same statement that adds them to the day rows. Exact because sums
//   add up and, in the ETL's add path, a customer bitmap only gains buyers.
// - advanceSpanHorizon: once a day, the days the horizon passes are added the same way.
// - rebuildSpans: where day rows were rebuilt (a day may have lost lines or buyers), each span holding a
//   touched (day, region) is rebuilt from its two halves, level by level; or every span, after the seeder
//   rebuilt every day.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { ROLLUP_MEASURE_COLUMNS } from '@/db/schema/gold';
import { SPAN_LEVELS } from '@/db/schema/gold-cubes';
import { dateArray, intArray, smallintArray } from '@/db/sql';
import { dateKeyOf, dayOfDateKey } from '@/lib/calendar/days';
import { lastDayOf, spanHolding, type DaySpan } from '@/lib/calendar/day-spans';

/** A day (date_key) and region whose day rollup rows changed. */
export interface DayRegion {
  dateKey: number;
  regionId: number;
}

export interface SpanFamily {
  /** The span table and the day rollup it spans. */
  spans: string;
  days: string;
  /** The columns a span row is keyed by besides (level, first_day); region_id among them. */
  keys: readonly string[];
  /** Those of the primary key (a store's region is not part of it). */
  conflictKeys: readonly string[];
  /** How values merge: summed measures, or OR-ed customer bitmaps. */
  merge: 'sum' | 'bit_or';
  /** The value columns, where a summed family keeps others than the sales measures. */
  values?: readonly string[];
}

/** The customer bitmaps' spans (the sales cubes' come from their definition, lib/etl/rollups/cubes.ts). */
export const CUSTOMER_BITMAP_SPANS: SpanFamily = {
  spans: 'agg_customer_bitmap_spans', days: 'agg_customer_bitmaps', keys: ['region_id', 'segment', 'chunk'],
  conflictKeys: ['region_id', 'segment', 'chunk'], merge: 'bit_or',
};

const valueColumns = (family: SpanFamily): readonly string[] =>
  family.values ?? (family.merge === 'sum' ? ROLLUP_MEASURE_COLUMNS : ['customers']);

/** The horizon as a yyyymmdd key, read by the statements that add to spans. */
export const HORIZON_KEY = sql`(select to_char(last_day, 'YYYYMMDD')::int from gold.span_horizon)`;

const list = (alias: string, columns: readonly string[]) => sql.raw(columns.map((c) => `${alias}.${c}`).join(', '));
const merged = (family: SpanFamily, alias: string) =>
  sql.raw(valueColumns(family).map((c) => `${family.merge}(${alias}.${c})`).join(', '));
const insertColumns = (family: SpanFamily) => sql.raw(['level', 'first_day', ...family.keys, ...valueColumns(family)].join(', '));
const grouping = (family: SpanFamily) => sql.raw(family.keys.map((_, i) => String(i + 3)).join(', '));

/** The first day of the span of `level` (an SQL integer) holding the day of `dateKey` (an SQL yyyymmdd). */
const spanStart = (dateKey: SQL, level: SQL) =>
  sql`date '1970-01-01' + ((to_date(${dateKey}::text, 'YYYYMMDD') - date '1970-01-01') / (1 << ${level})) * (1 << ${level})`;

/**
 * Moves the horizon forward to `lastDay` (never back) and adds the day rows it passes to the spans of
 * every family, in the caller's transaction (which holds the rollup lock).
 */
export async function advanceSpanHorizon(db: Database, families: readonly SpanFamily[], lastDay: string): Promise<void> {
  const [moved] = await queryRows<{ old_key: number }>(db, sql`
    update gold.span_horizon h set last_day = ${lastDay}::date
    from (select to_char(last_day, 'YYYYMMDD')::int as old_key from gold.span_horizon) o
    where h.last_day < ${lastDay}::date
    returning o.old_key`);
  if (!moved) return;
  for (const family of families) {
    await db.execute(sql`
      with passed as (select * from ${sql.raw(`gold.${family.days}`)} where date_key > ${moved.old_key} and date_key <= ${dateKeyOf(lastDay)})
      ${addToSpans(family, 'passed')}`);
  }
}

/** Sets the horizon outright, before every span is rebuilt from the day rows up to it. */
export async function setSpanHorizon(db: Database, lastDay: string): Promise<void> {
  await db.execute(sql`update gold.span_horizon set last_day = ${lastDay}::date`);
}

/**
 * An INSERT that adds `changes` — the name of a CTE of day-row changes: date_key, the family's keys and
 * values — to the span of every level holding each day. Meant for a WITH that also adds them to the day rows.
 */
export function addToSpans(family: SpanFamily, changes: string): SQL {
  const combine = valueColumns(family)
    .map((c) => (family.merge === 'sum' ? `${c} = t.${c} + excluded.${c}` : `${c} = t.${c} | excluded.${c}`))
    .join(', ');
  return sql`insert into ${sql.raw(`gold.${family.spans}`)} as t (${insertColumns(family)})
    select l.level, ${spanStart(sql.raw('c.date_key'), sql.raw('l.level'))}, ${list('c', family.keys)}, ${merged(family, 'c')}
    from ${sql.raw(changes)} c cross join generate_series(1, ${sql.raw(String(SPAN_LEVELS))}) l(level)
    where c.date_key <= ${HORIZON_KEY}
    group by 1, 2, ${grouping(family)}
    on conflict (level, first_day, ${sql.raw(family.conflictKeys.join(', '))}) do update set ${sql.raw(combine)}`;
}

/** The rows one level below `level` (alias `r`), each with the first day it covers as `first_day`. */
function halves(family: SpanFamily, level: number): SQL {
  const columns = sql.raw([...family.keys, ...valueColumns(family)].join(', '));
  return level === 1
    ? sql`(select to_date(date_key::text, 'YYYYMMDD') as first_day, date_key, ${columns} from ${sql.raw(`gold.${family.days}`)}
        where date_key <= ${HORIZON_KEY}) r`
    : sql`(select first_day, ${columns} from ${sql.raw(`gold.${family.spans}`)} where level = ${level - 1}) r`;
}

/** Rebuilds every span (after the seeder rebuilt every day), or those holding the given (day, region)s. */
export async function rebuildSpans(db: Database, families: readonly SpanFamily[], touched: 'all' | readonly DayRegion[]): Promise<void> {
  for (const family of families) {
    if (touched === 'all') await rebuildAllSpans(db, family);
    else if (touched.length > 0) await rebuildTouchedSpans(db, family, touched);
  }
}

async function rebuildTouchedSpans(db: Database, family: SpanFamily, touched: readonly DayRegion[]): Promise<void> {
  const table = sql.raw(`gold.${family.spans}`);
  for (let level = 1; level <= SPAN_LEVELS; level++) {
    const targets = new Map<string, { span: DaySpan; regionId: number }>();
    for (const t of touched) {
      const span = spanHolding(dayOfDateKey(t.dateKey), level);
      targets.set(`${span.first}/${t.regionId}`, { span, regionId: t.regionId });
    }
    const spans = [...targets.values()];
    const firsts = dateArray(spans.map((t) => t.span.first));
    const regions = smallintArray(spans.map((t) => t.regionId));
    await db.execute(sql`delete from ${table} s
      where s.level = ${level} and (s.first_day, s.region_id) in (select * from unnest(${firsts}, ${regions}))`);
    // The halves are read through their primary keys: by date_key for days, by (level, first_day) for spans.
    const within = level === 1 ? sql`r.date_key between t.first_key and t.last_key` : sql`r.first_day between t.first_day and t.last_day`;
    await db.execute(sql`
      insert into ${table} (${insertColumns(family)})
      select ${level}::smallint, t.first_day, ${list('r', family.keys)}, ${merged(family, 'r')}
      from unnest(${firsts}, ${dateArray(spans.map((t) => lastDayOf(t.span)))},
                  ${intArray(spans.map((t) => dateKeyOf(t.span.first)))}, ${intArray(spans.map((t) => dateKeyOf(lastDayOf(t.span))))},
                  ${regions}) t(first_day, last_day, first_key, last_key, region_id)
      join ${halves(family, level)} on r.region_id = t.region_id and ${within}
      group by 2, ${grouping(family)}`);
  }
}

/** Every span of a family, level by level, each level grouped from the whole level below. */
async function rebuildAllSpans(db: Database, family: SpanFamily): Promise<void> {
  await db.execute(sql`delete from ${sql.raw(`gold.${family.spans}`)}`);
  for (let level = 1; level <= SPAN_LEVELS; level++) {
    const width = sql.raw(String(2 ** level));
    await db.execute(sql`
      insert into ${sql.raw(`gold.${family.spans}`)} (${insertColumns(family)})
      select ${level}::smallint, date '1970-01-01' + ((r.first_day - date '1970-01-01') / ${width}) * ${width},
        ${list('r', family.keys)}, ${merged(family, 'r')}
      from ${halves(family, level)}
      group by 2, ${grouping(family)} order by 2`);
  }
}
