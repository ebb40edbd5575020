// Bronze event → typed silver record, or the reason it goes to quarantine. Pure: the caller supplies the
// reference codes that exist and the current time, so every rule is unit-testable.
import type { z } from 'zod';
import {
  EARLIEST_OCCURRED_AT, EVENT_TYPES, MAX_FUTURE_SKEW_MS, envelopeSchema, payloadSchemas, type CustomerPayload,
} from './events';
import { cents, centsOfProduct } from './money';

export interface BronzeEventRow {
  id: number;
  /** The envelope as stored (parsed JSON), or null when only raw text arrived. */
  envelope: unknown;
  rawText: string | null;
}

export interface ReferenceCodes {
  storeCodes: ReadonlySet<string>;
  skus: ReadonlySet<string>;
}

interface Validated {
  bronzeId: number;
  eventId: string;
  occurredAt: Date;
}

/** A sales line with its amounts in cents: gross = quantity × unit price (rounded), net = gross − discount. */
export interface ValidSale extends Validated {
  kind: 'sale';
  transactionId: string;
  storeCode: string;
  sku: string;
  customerId: string | null;
  quantity: number;
  unitPriceCents: number;
  grossCents: number;
  discountCents: number;
  netCents: number;
}

export interface ValidInventory extends Validated {
  kind: 'inventory';
  storeCode: string;
  sku: string;
  onHand: number;
}

export interface ValidCustomer extends Validated, CustomerPayload {
  kind: 'customer';
}

export interface Quarantined {
  kind: 'quarantine';
  bronzeId: number;
  /** The envelope's id when it had a usable one. */
  eventId: string | null;
  reason: string;
}

export type ValidationResult = ValidSale | ValidInventory | ValidCustomer | Quarantined;

export function validateBronzeEvent(row: BronzeEventRow, refs: ReferenceCodes, now: Date): ValidationResult {
  const quarantine = (reason: string, eventId: string | null = null): Quarantined => ({
    kind: 'quarantine',
    bronzeId: row.id,
    eventId,
    reason,
  });

  if (row.envelope === null || row.envelope === undefined) return quarantine(rawTextReason(row.rawText));
  const envelope = row.envelope;
  if (typeof envelope !== 'object' || Array.isArray(envelope)) {
    return quarantine(`event is not a JSON object (got ${describe(envelope)})`);
  }
  const fields = envelope as Record<string, unknown>;
  const eventId = typeof fields.id === 'string' ? fields.id : null;
  if (typeof fields.type === 'string' && !(EVENT_TYPES as readonly string[]).includes(fields.type)) {
    return quarantine(`unknown event type ${describe(fields.type)} (expected ${EVENT_TYPES.join(', ')})`, eventId);
  }
  const parsed = envelopeSchema.safeParse(envelope);
  if (!parsed.success) return quarantine(formatIssues(parsed.error, envelope), eventId);
  const { id, type, payload } = parsed.data;
  const occurredAt = new Date(parsed.data.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) return quarantine(`occurredAt ${parsed.data.occurredAt} is not a real time`, id);
  if (occurredAt.getTime() - now.getTime() > MAX_FUTURE_SKEW_MS) {
    return quarantine(`occurredAt ${parsed.data.occurredAt} is more than a day in the future`, id);
  }
  if (occurredAt.getTime() < Date.parse(EARLIEST_OCCURRED_AT)) {
    return quarantine(`occurredAt ${parsed.data.occurredAt} is before ${EARLIEST_OCCURRED_AT.slice(0, 10)}`, id);
  }
  const base = { bronzeId: row.id, eventId: id, occurredAt };

  if (type === 'sale') {
    const p = payloadSchemas.sale.safeParse(payload);
    if (!p.success) return quarantine(formatIssues(p.error, payload, 'payload'), id);
    const s = p.data;
    const missing = unknownReference(refs, s.storeCode, s.sku);
    if (missing) return quarantine(missing, id);
    const grossCents = centsOfProduct(s.quantity, s.unitPrice);
    const discountCents = cents(s.discount ?? 0);
    if (discountCents > grossCents) {
      return quarantine(`discount ${formatCents(discountCents)} exceeds the line's gross amount ${formatCents(grossCents)}`, id);
    }
    return {
      kind: 'sale',
      ...base,
      transactionId: s.transactionId,
      storeCode: s.storeCode,
      sku: s.sku,
      customerId: s.customerId ?? null,
      quantity: s.quantity,
      unitPriceCents: cents(s.unitPrice),
      grossCents,
      discountCents,
      netCents: grossCents - discountCents,
    };
  }

  if (type === 'inventory') {
    const p = payloadSchemas.inventory.safeParse(payload);
    if (!p.success) return quarantine(formatIssues(p.error, payload, 'payload'), id);
    const missing = unknownReference(refs, p.data.storeCode, p.data.sku);
    if (missing) return quarantine(missing, id);
    return { kind: 'inventory', ...base, ...p.data };
  }

  const p = payloadSchemas.customer.safeParse(payload);
  if (!p.success) return quarantine(formatIssues(p.error, payload, 'payload'), id);
  if (p.data.homeStoreCode !== undefined && !refs.storeCodes.has(p.data.homeStoreCode)) {
    return quarantine(`unknown home store "${p.data.homeStoreCode}"`, id);
  }
  return { kind: 'customer', ...base, ...p.data };
}

function rawTextReason(rawText: string | null): string {
  if (rawText === null) return 'event has neither a JSON envelope nor raw text';
  try {
    const value: unknown = JSON.parse(rawText);
    // JSON that parses here was kept as text because Postgres cannot store it as jsonb.
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? 'event contains characters that cannot be stored (NUL or an unpaired surrogate)'
      : `event is not a JSON object (got ${describe(value)})`;
  } catch (error) {
    return `malformed JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function unknownReference(refs: ReferenceCodes, storeCode: string, sku: string): string | undefined {
  if (!refs.storeCodes.has(storeCode)) return `unknown store "${storeCode}"`;
  if (!refs.skus.has(sku)) return `unknown sku "${sku}"`;
  return undefined;
}

const formatCents = (value: number) => (value / 100).toFixed(2);

const EXPECTED: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  object: 'an object',
  boolean: 'true or false',
};
const FORMATS: Record<string, string> = {
  uuid: 'a UUID',
  datetime: 'an ISO 8601 timestamp with a time zone',
  date: 'a date (YYYY-MM-DD)',
};

/** One readable sentence per zod issue, naming the field and the value that was sent. */
function formatIssues(error: z.ZodError, input: unknown, prefix?: string): string {
  return error.issues
    .map((issue) => {
      const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'event';
      const value = valueAt(input, issue.path);
      const got = `(got ${describe(value)})`;
      switch (issue.code) {
        case 'invalid_type':
          return value === undefined ? `${field} is required` : `${field} must be ${EXPECTED[issue.expected] ?? issue.expected} ${got}`;
        case 'too_small':
          return `${field} must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)} ${got}`;
        case 'too_big':
          return `${field} must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)} ${got}`;
        case 'invalid_format':
          return `${field} must be ${FORMATS[issue.format] ?? issue.format} ${got}`;
        case 'invalid_value':
          return `${field} must be one of ${issue.values.map(String).join(', ')} ${got}`;
        default:
          return `${field}: ${issue.message}`;
      }
    })
    .join('; ');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
