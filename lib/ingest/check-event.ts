// Whether one arriving event may enter bronze, by the same rules the ETL applies (validateBronzeEvent),
// so the API refuses up front what would otherwise be quarantined later — and says why.
import type { ReferenceCodes } from '@/lib/etl/validate';
import { validateBronzeEvent } from '@/lib/etl/validate';

export type EventCheck = { ok: true } | { ok: false; reason: string; eventId: string | null };

// JSON.stringify escapes exactly NUL and unpaired surrogates as \u00XX / \udXXX here; jsonb rejects both.
const UNSTORABLE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

/** Text-typed codes an event's payload names (for the reference lookup); anything else is ignored. */
export function referencedCodes(events: readonly unknown[]): { storeCodes: Set<string>; skus: Set<string> } {
  const storeCodes = new Set<string>();
  const skus = new Set<string>();
  for (const event of events) {
    const payload = (event as { payload?: unknown } | null)?.payload;
    if (typeof payload !== 'object' || payload === null) continue;
    const fields = payload as Record<string, unknown>;
    for (const key of ['storeCode', 'homeStoreCode']) if (typeof fields[key] === 'string') storeCodes.add(fields[key]);
    if (typeof fields.sku === 'string') skus.add(fields.sku);
  }
  return { storeCodes, skus };
}

export function checkEvent(event: unknown, refs: ReferenceCodes, now: Date): EventCheck {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    const got = event === null ? 'null' : Array.isArray(event) ? 'an array' : `a ${typeof event}`;
    return { ok: false, reason: `event is not a JSON object (got ${got})`, eventId: null };
  }
  const id = (event as { id?: unknown }).id;
  const eventId = typeof id === 'string' ? id : null;
  if (UNSTORABLE.test(JSON.stringify(event))) {
    return { ok: false, reason: 'event contains characters that cannot be stored (NUL or an unpaired surrogate)', eventId };
  }
  const result = validateBronzeEvent({ id: 0, envelope: event, rawText: null }, refs, now);
  return result.kind === 'quarantine' ? { ok: false, reason: result.reason, eventId: result.eventId } : { ok: true };
}

/** Whether a value can be kept as jsonb (else it is kept as its JSON text). */
export function isStorableJson(value: unknown): boolean {
  return value !== null && value !== undefined && !UNSTORABLE.test(JSON.stringify(value) ?? '');
}
