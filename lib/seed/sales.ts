// Writes one chunk of demo sales lines into silver with a single INSERT … SELECT over
// generate_series: no row crosses the wire. Every random choice is hashint8extended(key, seed + salt)
// (stable across Postgres versions and PGlite), masked to 31 bits and reduced modulo a lookup table's
// length, so the same seed and days give the same lines on every engine.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql';
import type { SalesChunk, SalesConstants } from './sales-plan';

/** Baskets and lines of one day are keyed day × KEY_SPAN + number, so keys never collide across days. */
const KEY_SPAN = 10_000_000;
/** Transaction ids carry a 6-digit basket number per day. */
const MAX_LINES_PER_DAY = 999_999;

/** A 31-bit pseudo-random integer for `key`; `salt` makes each use an independent draw. */
const draw = (key: SQL, salt: number) => sql`(hashint8extended(${key}, p.seed + ${salt}) & 2147483647)`;
const basketDraw = (salt: number) => draw(sql`b.basket_key`, salt);
const lineDraw = (salt: number) => draw(sql`l.line_key`, salt);

export async function insertSalesChunk(
  db: Database, seed: number, k: SalesConstants, chunk: SalesChunk,
): Promise<void> {
  await db.execute(sql`
    insert into silver.sales_lines (transaction_id, store_code, sku, customer_id, quantity, unit_price, discount,
      gross, net, occurred_at)
    ${selectSalesLines(seed, k, chunk)}`);
}

/** The chunk's lines as a query, in silver.sales_lines column order (transaction_id … occurred_at). */
function selectSalesLines(seed: number, k: SalesConstants, chunk: SalesChunk): SQL {
  if (chunk.lines.some((n) => n > MAX_LINES_PER_DAY)) throw new Error(`at most ${MAX_LINES_PER_DAY} lines per day`);
  const { pools, basket } = k;
  return sql`
    -- one row holding every lookup table; materialized so each array is parsed once, not once per row
    with p as materialized (
      select ${seed}::bigint as seed, ${k.storeCount}::int as store_count, ${k.categoryCount}::int as category_count,
        ${intArray(chunk.storePick)} as store_pick, ${intArray(k.anonymousPermille)} as anonymous_permille,
        ${textArray(k.storeTimeZones)} as store_zone,
        ${intArray(chunk.hourPick)} as hour_pick, ${chunk.hourTableSize}::int as hour_size,
        ${intArray(pools.start)} as pool_start, ${intArray(pools.customerNo)} as customer_no,
        ${intArray(pools.segment)} as segment, ${intArray(chunk.eligible)} as eligible,
        ${intArray(chunk.productPick)} as product_pick, ${chunk.productTableSize}::int as product_size,
        ${intArray(k.priceCents)} as price_cents, ${intArray(k.productCategory)} as product_category,
        ${intArray(k.categoryDurable)} as durable, ${intArray(chunk.campaignPct)} as campaign_pct,
        ${intArray(k.quantityPick)} as quantity_pick, ${k.quantityTableSize}::int as quantity_size,
        ${intArray(basket.start)} as basket_start, ${intArray(basket.size)} as basket_size,
        ${basket.lines}::int as pattern_lines, ${basket.start.length}::int as pattern_baskets
    ),
    days as (
      select d.ord::int - 1 as day_no, d.day_number::bigint * ${KEY_SPAN} as day_key, d.lines, d.baskets, d.pattern_offset,
        'T' || to_char(d.day, 'YYYYMMDD') || '-' as transaction_prefix,
        case when extract(isodow from d.day) >= 6 then p.hour_size else 0 end as hour_offset, d.day
      from p, unnest(${textArray(chunk.days)}::date[], ${intArray(chunk.dayNumbers)}, ${intArray(chunk.lines)},
        ${intArray(chunk.baskets)}, ${intArray(chunk.basketOffsets)})
        with ordinality as d(day, day_number, lines, baskets, pattern_offset, ord)
    ),
    -- one row per basket: what its lines share (store, time, customer); offset 0 computes each draw once
    numbered as (
      select d.*, generate_series(0, d.baskets - 1) as basket
      from days d
    ),
    drawn as (
      select b.*, b.day_key + b.basket as basket_key,
        ((b.basket + b.pattern_offset) / p.pattern_baskets) * p.pattern_lines
          + p.basket_start[(b.basket + b.pattern_offset) % p.pattern_baskets + 1] - p.basket_start[b.pattern_offset + 1]
          as first_line,
        p.basket_size[(b.basket + b.pattern_offset) % p.pattern_baskets + 1] as pattern_size
      from p, numbered b
      offset 0
    ),
    shoppers as (
      select b.*,
        p.store_pick[${basketDraw(1)} % cardinality(p.store_pick) + 1] as store,
        p.hour_pick[b.hour_offset + ${basketDraw(2)} % p.hour_size + 1] * 3600
          + ${basketDraw(3)} % 3600 as second_of_day,
        ${basketDraw(4)} % 1000 as card_draw,
        -- about one card holder in ten shops away from their home store
        case when ${basketDraw(5)} % 100 < 10 then p.store_pick[${basketDraw(6)} % cardinality(p.store_pick) + 1] end as away_store,
        ${basketDraw(7)} % 100 < 45 as loyal, ${basketDraw(8)} as customer_draw
      from p, drawn b
      offset 0
    ),
    pools as (
      select s.*, coalesce(s.away_store, s.store) as pool_store,
        p.eligible[s.day_no * p.store_count + coalesce(s.away_store, s.store)] as known,
        s.card_draw < p.anonymous_permille[s.store] as anonymous
      from p, shoppers s
      offset 0
    ),
    -- loyal picks land on every fifth customer of the store, whatever their age; the others lean
    -- towards recent sign-ups, so a cohort's activity fades while its loyal core keeps coming back
    baskets as (
      select c.*,
        case when c.anonymous or c.known = 0 then null
          when c.loyal then p.pool_start[c.pool_store] + (c.customer_draw % c.known) - (c.customer_draw % c.known) % 5 + 1
          else p.pool_start[c.pool_store] + c.known - floor(c.known * (c.customer_draw / 2147483648.0::float8) ^ 3)::int
        end as pos
      from p, pools c
      offset 0
    ),
    shopped as (
      select b.transaction_prefix || lpad(b.basket::text, 6, '0') as transaction_id,
        'S' || lpad(b.store::text, 3, '0') as store_code,
        'C' || lpad(p.customer_no[b.pos]::text, 6, '0') as customer_id,
        -- price tier: budget shoppers lean cheap, premium shoppers dear; guests shop like the mainstream
        case p.segment[b.pos] when 0 then 0 when 2 then 2 else 1 end * p.product_size as tier_offset,
        coalesce(p.segment[b.pos] = 3, false) as business,
        b.day_no, b.day_key, b.first_line, least(b.pattern_size, b.lines - b.first_line) as size,
        -- the store's midnight, at the offset in force at noon: clocks change at night, never in opening hours
        ((b.day + time '12:00') at time zone p.store_zone[b.store]) - interval '12 hours'
          + b.second_of_day * interval '1 second' as occurred_at
      from p, baskets b
      offset 0
    ),
    lines as (
      select s.*, s.day_key + s.first_line + generate_series(0, s.size - 1) as line_key
      from shopped s
    ),
    products as (
      select l.*, p.product_pick[l.tier_offset + ${lineDraw(9)} % p.product_size + 1] as product
      from p, lines l
      offset 0
    ),
    priced as (
      select l.*, p.price_cents[l.product] as price_cents,
        p.quantity_pick[p.durable[p.product_category[l.product]] * p.quantity_size + ${lineDraw(10)} % p.quantity_size + 1]
          -- business customers buy consumables in bulk
          + case when l.business and p.durable[p.product_category[l.product]] = 0 then ${lineDraw(11)} % 3 else 0 end
          as quantity,
        coalesce(nullif(p.campaign_pct[l.day_no * p.category_count + p.product_category[l.product]], 0),
          -- outside campaigns, an occasional small in-store promotion
          case when ${lineDraw(12)} % 100 < 3 then 5 * (1 + ${lineDraw(13)} % 2) else 0 end) as pct
      from p, products l
      offset 0
    ),
    -- amounts in whole cents: discount = round(gross × pct / 100, 2)
    cents as (
      select x.*, x.quantity * x.price_cents as gross_cents, (x.quantity * x.price_cents * x.pct + 50) / 100 as discount_cents
      from priced x
    )
    select c.transaction_id, c.store_code, 'SKU-' || lpad(c.product::text, 5, '0'), c.customer_id, c.quantity,
      c.price_cents * 0.01, c.discount_cents * 0.01, c.gross_cents * 0.01, (c.gross_cents - c.discount_cents) * 0.01,
      c.occurred_at
    from cents c`;
}
