// Writes one chunk of demo sales lines into silver with a single INSERT … SELECT over
// generate_series: no row crosses the wire. Every random choice is hashint8extended(key, seed + salt)
// (stable across Postgres versions and PGlite), masked to 31 bits and reduced modulo a lookup table's
// length, so the same seed and days give the same lines on every engine.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql';
import { AWAY_PCT, BUSINESS_EXTRA_UNITS, BUSINESS_SEGMENT, IN_STORE_PROMOTION, LOYAL_PCT } from './basket-rules';
import { SHARE_SCALE, type SalesChunk, type SalesConstants } from './sales-plan';

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
        ${intArray(chunk.storePick)} as store_pick, ${intArray(chunk.storeShare)} as store_share,
        ${intArray(k.anonymousPermille)} as anonymous_permille, ${textArray(k.storeTimeZones)} as store_zone,
        ${intArray(k.quantiles)} as quantiles, ${k.weekendQuantilesAt}::int as weekend_at,
        ${intArray(pools.start)} as pool_start, ${intArray(pools.customerNo)} as customer_no,
        ${intArray(pools.segment)} as segment, ${intArray(chunk.eligible)} as eligible,
        ${intArray(chunk.productPick)} as product_pick, ${chunk.productTableSize}::int as product_size,
        ${intArray(k.priceCents)} as price_cents, ${intArray(k.productCategory)} as product_category,
        ${intArray(k.categoryDurable)} as durable, ${intArray(chunk.campaignPct)} as campaign_pct,
        ${intArray(chunk.campaignCoverage)} as campaign_coverage, ${intArray([...IN_STORE_PROMOTION.discounts])} as promotion_pct,
        ${intArray(k.quantityPick)} as quantity_pick, ${k.quantityTableSize}::int as quantity_size,
        ${intArray(basket.start)} as basket_start, ${intArray(basket.size)} as basket_size,
        ${basket.lines}::int as pattern_lines, ${basket.start.length}::int as pattern_baskets
    ),
    days as (
      select d.ord::int - 1 as day_no, d.day_number::bigint * ${KEY_SPAN} as day_key, d.lines, d.baskets, d.pattern_offset,
        'T' || to_char(d.day, 'YYYYMMDD') || '-' as transaction_prefix,
        -- the day's demand quantiles (demandQuantiles): where they start in p.quantiles, and how many units
        case when extract(isodow from d.day) >= 6 then p.weekend_at else 0 end as q_start,
        case when extract(isodow from d.day) >= 6 then cardinality(p.quantiles) - p.weekend_at else p.weekend_at end - 1 as q_units,
        d.day
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
        ${basketDraw(2)} as time_draw,
        ${basketDraw(4)} % 1000 as card_draw,
        -- a few card holders shop away from their home store
        case when ${basketDraw(5)} % 100 < ${AWAY_PCT} then p.store_pick[${basketDraw(6)} % cardinality(p.store_pick) + 1] end as away_store,
        ${basketDraw(7)} % 100 < ${LOYAL_PCT} as loyal, ${basketDraw(8)} as customer_draw
      from p, drawn b
      offset 0
    ),
    pools as (
      select s.*, coalesce(s.away_store, s.store) as pool_store,
        p.eligible[s.day_no * p.store_count + coalesce(s.away_store, s.store)] as known,
        s.card_draw < p.anonymous_permille[s.store] as anonymous,
        -- where in the day's demand the basket falls: a uniform share of the part of the store's day the
        -- chunk holds (all of it, or up to the moment the dataset ends), in quantile units
        (s.time_draw / 2147483648.0::float8) * (p.store_share[s.store] / ${SHARE_SCALE}::float8) * s.q_units as position
      from p, shoppers s
      offset 0
    ),
    -- loyal picks land on every fifth customer of the store, whatever their age; the others lean
    -- towards recent sign-ups, so a cohort's activity fades while its loyal core keeps coming back
    baskets as (
      select c.*, floor(c.position)::int as unit,
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
        -- price tier (priceTierOf): budget shoppers lean cheap, premium shoppers dear, the rest standard
        case p.segment[b.pos] when 0 then 0 when 2 then 2 else 1 end * p.product_size as tier_offset,
        coalesce(p.segment[b.pos] = ${BUSINESS_SEGMENT}, false) as business,
        b.day_no, b.day_key, b.first_line, least(b.pattern_size, b.lines - b.first_line) as size,
        -- the store's midnight, at the offset in force at noon: clocks change at night, never in opening
        -- hours; then the time of day between the two quantiles around the basket's position, in whole seconds
        ((b.day + time '12:00') at time zone p.store_zone[b.store]) - interval '12 hours'
          + floor(p.quantiles[b.q_start + b.unit + 1]
            + (b.position - b.unit) * (p.quantiles[b.q_start + b.unit + 2] - p.quantiles[b.q_start + b.unit + 1]))
            * interval '1 second' as occurred_at
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
          + case when l.business and p.durable[p.product_category[l.product]] = 0 then ${lineDraw(11)} % ${BUSINESS_EXTRA_UNITS} else 0 end
          as quantity,
        -- a running campaign discounts the share of its category's lines it covers; outside campaigns, an
        -- occasional in-store promotion
        case when p.campaign_pct[l.day_no * p.category_count + p.product_category[l.product]] > 0
          then case when ${lineDraw(12)} % 100 < p.campaign_coverage[l.day_no * p.category_count + p.product_category[l.product]]
            then p.campaign_pct[l.day_no * p.category_count + p.product_category[l.product]] else 0 end
          else case when ${lineDraw(12)} % 100 < ${IN_STORE_PROMOTION.pct}
            then p.promotion_pct[${lineDraw(13)} % cardinality(p.promotion_pct) + 1] else 0 end
        end as pct
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
