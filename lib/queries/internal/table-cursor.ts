// The detail table's page cursors: the line a page continues from (after it for Next, before it for
// Previous), encrypted and authenticated (AES-256-GCM) for the scope's regions and the table's sort. The
// browser holds them as opaque text: a line id of one region tells another nothing, and a cursor that was
// altered, or made for other regions or another sort, does not open. Bound to regions rather than to a
// person because cached answers (and the cursors in them) are shared by callers with the same regions.
import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { authSecret } from '@/lib/auth/secret';
import type { Scope } from '@/lib/auth/scope';
import { badRequest } from '@/lib/errors';
import type { TableSort } from '@/lib/filters/dashboard-state';

/** Where a page starts: next to a row of the previous page read, which is not on it. */
export interface TablePosition {
  lineId: number;
  /** The page holds the rows just before the line (Previous), not those after it (Next). */
  before: boolean;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

const payloadSchema = z.strictObject({
  line: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  before: z.boolean(),
});

let key: Buffer | undefined;
function cursorKey(): Buffer {
  // Derived, so the session secret itself never encrypts anything but sessions.
  key ??= Buffer.from(hkdfSync('sha256', authSecret(), 'retailwave', 'detail table cursors v1', 32));
  return key;
}

function binding(scope: Scope, sort: TableSort): Buffer {
  return Buffer.from(`regions:${scope.regionIds.join(',')}|sort:${sort.column}:${sort.direction}`);
}

export function sealTableCursor(scope: Scope, sort: TableSort, position: TablePosition): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cursorKey(), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(binding(scope, sort));
  const plain = Buffer.from(JSON.stringify({ line: position.lineId, before: position.before }));
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64url');
}

export const invalidCursor = () =>
  badRequest('This page link does not continue this table (it was changed, or made for other regions or another sort). Start again from the first page.', 'invalid_cursor');

/** The position a cursor stands for; a 400 `invalid_cursor` when it is not one this server sealed for this scope and sort. */
export function openTableCursor(scope: Scope, sort: TableSort, cursor: string): TablePosition {
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= NONCE_BYTES + TAG_BYTES || bytes.toString('base64url') !== cursor) throw invalidCursor();
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKey(), bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(binding(scope, sort));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw invalidCursor();
  }
  // Sealed by us, so well formed; parsed all the same, as everything that crosses the boundary is.
  const payload = payloadSchema.safeParse(parseJson(plain.toString('utf8')));
  if (!payload.success) throw invalidCursor();
  return { lineId: payload.data.line, before: payload.data.before };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
