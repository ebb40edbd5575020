// Whether one arriving event may enter bronze, by the same rules the ETL applies (validateBronzeEvent),
// so the API refuses up front what would otherwise be quarantined later — and says why.
import type { ReferenceCodes } from '@/lib/etl/silver/validate';
import { validateBronzeEvent } from '@/lib/etl/silver/validate';
import { escapeUnstorable } from '@/lib/etl/silver/storable-text';

export type EventCheck = { ok: true } | { ok: false; reason: string; eventId: string | null };

// JSON.stringify escapes exactly NUL and unpaired surrogates as \u00XX / \udXXX here; jsonb rejects both.
const UNSTORABLE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

export function checkEvent(event: unknown, refs: ReferenceCodes, now: Date): EventCheck {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    const got = event === null ? 'null' : Array.isArray(event) ? 'an array' : `a ${typeof event}`;
    return { ok: false, reason: `event is not a JSON object (got ${got})`, eventId: null };
  }
  const id = (event as { id?: unknown }).id;
  // kept with the refusal, so it must be storable itself (and short: a real id is 36 characters)
  const eventId = typeof id === 'string' ? escapeUnstorable(id.slice(0, 100)) : null;
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
