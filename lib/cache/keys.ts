// Cache keys, built here and nowhere else. A key names everything a cached answer depends on: the query,
// its parameters (stable JSON, hashed), the scope's regions and each of those regions' data version.
// A scope is its regions and nothing more, so callers with the same regions share entries and callers
// with different regions never do; an ETL batch in a region changes the key of every entry including it.
import { createHash } from 'node:crypto';
import type { RegionVersion } from './data-versions';

/** Bump when the shape of keys or cached values changes, so old entries are never read. */
const KEY_FORMAT = 'q2';
const QUERY_NAME = /^[a-z][a-z0-9-]*$/;

/** JSON with the keys of every plain object sorted, so equal parameters give equal text. */
export function stableJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map || v instanceof Set) throw new TypeError('cache parameters must be JSON: use arrays, not Map or Set');
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const object = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
  });
  return text ?? 'null';
}

export interface QueryKeyParts {
  /** Prefix of every key of one deployment (or one test run). */
  namespace: string;
  /** The query's name: lowercase letters, digits and dashes, e.g. `kpis`. */
  query: string;
  params: unknown;
  /** One per region of the scope, ascending by region id. */
  versions: readonly RegionVersion[];
}

/** `<namespace>:q2:<query>:<region>.<version>,…:<sha256 of the parameters>`. */
export function queryCacheKey(parts: QueryKeyParts): string {
  if (!QUERY_NAME.test(parts.query)) throw new TypeError(`invalid cache query name "${parts.query}"`);
  if (parts.versions.length === 0) throw new TypeError('a cache key needs at least one region');
  const regions = [...parts.versions]
    .sort((a, b) => a.regionId - b.regionId)
    .map((v) => `${v.regionId}.${v.version}`)
    .join(',');
  const params = createHash('sha256').update(stableJson(parts.params)).digest('base64url');
  return `${parts.namespace}:${KEY_FORMAT}:${parts.query}:${regions}:${params}`;
}
