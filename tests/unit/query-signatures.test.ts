/**
 * Every function lib/queries exports is a query: `(db: Database, scope: Scope, …)`, the scope required and
 * never nullable. The type system checks it: `npm run typecheck` fails on an export that breaks the shape
 * (QueryModule below), and this test fails when a query file is added without being listed here.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import * as getBreakdown from '@/lib/queries/get-breakdown';
import * as getCohorts from '@/lib/queries/get-cohorts';
import * as getKpis from '@/lib/queries/get-kpis';
import * as getLiveSnapshot from '@/lib/queries/get-live-snapshot';
import * as getMinuteSeries from '@/lib/queries/get-minute-series';
import * as getNewVsReturning from '@/lib/queries/get-new-vs-returning';
import * as getProductDetail from '@/lib/queries/get-product-detail';
import * as getProductDrill from '@/lib/queries/get-product-drill';
import * as getRevenueAnomalies from '@/lib/queries/get-revenue-anomalies';
import * as getSegmentMix from '@/lib/queries/get-segment-mix';
import * as getTopCustomers from '@/lib/queries/get-top-customers';
import * as getTrend from '@/lib/queries/get-trend';
import * as getWeekdayHour from '@/lib/queries/get-weekday-hour';
import * as listAlerts from '@/lib/queries/list-alerts';
import * as listFilterOptions from '@/lib/queries/list-filter-options';
import * as listLatestSales from '@/lib/queries/list-latest-sales';
import * as listTransactions from '@/lib/queries/list-transactions';

/** A function whose first parameter is the database and whose second is a Scope that cannot be null or missing. */
type IsQuery<F> = F extends (...args: infer P) => unknown
  ? P extends [infer D, infer S, ...unknown[]]
    ? [Database] extends [D]
      ? [S] extends [Scope]
        ? [Scope] extends [S]
          ? true
          : false
        : false
      : false
    : false
  : true; // constants (row types are erased) may be exported freely

/** A module all of whose function exports are queries: anything else makes its entry below a type error. */
type QueryModule<M> = { [K in keyof M]: IsQuery<M[K]> extends true ? M[K] : never };

function queryModule<M>(mod: M & QueryModule<M>): M {
  return mod;
}

// Each entry is a type error unless its module passes QueryModule.
const CHECKED = {
  'get-breakdown': queryModule(getBreakdown),
  'get-cohorts': queryModule(getCohorts),
  'get-kpis': queryModule(getKpis),
  'get-live-snapshot': queryModule(getLiveSnapshot),
  'get-minute-series': queryModule(getMinuteSeries),
  'get-new-vs-returning': queryModule(getNewVsReturning),
  'get-product-detail': queryModule(getProductDetail),
  'get-product-drill': queryModule(getProductDrill),
  'get-revenue-anomalies': queryModule(getRevenueAnomalies),
  'get-segment-mix': queryModule(getSegmentMix),
  'get-top-customers': queryModule(getTopCustomers),
  'get-trend': queryModule(getTrend),
  'get-weekday-hour': queryModule(getWeekdayHour),
  'list-alerts': queryModule(listAlerts),
  'list-filter-options': queryModule(listFilterOptions),
  'list-latest-sales': queryModule(listLatestSales),
  'list-transactions': queryModule(listTransactions),
};

describe('lib/queries signatures', () => {
  it('lists every query file for the type check', () => {
    const files = readdirSync(path.join(process.cwd(), 'lib', 'queries')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(CHECKED).sort()).toEqual(files.sort());
  });
});
