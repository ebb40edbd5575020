// The store codes and SKUs a batch of events names, for the lookup of those that exist. Taken exactly as
// the payload schemas will read them (trimmed, at most 64 characters), so " S001" finds S001 whatever else
// the batch names; text Postgres cannot hold (NUL, an unpaired surrogate) is left out, since such an event
// is refused anyway and the lookup must not fail on it.
import { isStorableText } from './storable-text';

export interface NamedCodes {
  storeCodes: Set<string>;
  skus: Set<string>;
}

const MAX_CODE_LENGTH = 64;

export function referencedCodes(envelopes: readonly unknown[]): NamedCodes {
  const storeCodes = new Set<string>();
  const skus = new Set<string>();
  const add = (into: Set<string>, value: unknown) => {
    if (typeof value !== 'string') return;
    const code = value.trim();
    if (code.length > 0 && code.length <= MAX_CODE_LENGTH && isStorableText(code)) into.add(code);
  };
  for (const envelope of envelopes) {
    const payload = (envelope as { payload?: unknown } | null)?.payload;
    if (typeof payload !== 'object' || payload === null) continue;
    const fields = payload as Record<string, unknown>;
    add(storeCodes, fields.storeCode);
    add(storeCodes, fields.homeStoreCode);
    add(skus, fields.sku);
  }
  return { storeCodes, skus };
}
