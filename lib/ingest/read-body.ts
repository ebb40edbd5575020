// The ingest request body: JSON by its Content-Type (415 otherwise), at most MAX_INGEST_BODY_BYTES (checked
// on Content-Length first, then on the bytes actually read, since the header may be absent or wrong), nested
// at most MAX_JSON_DEPTH deep, and at most MAX_INGEST_EVENTS events.
import { z } from 'zod';
import { AppError, badRequest, describeZodError } from '@/lib/errors';

export const MAX_INGEST_BODY_BYTES = 1024 * 1024;
export const MAX_INGEST_EVENTS = 1_000;
/**
 * An envelope needs 4 levels ({ events: [ { payload: { … } } ] }); nothing a retailer sends needs 32. Deeper
 * JSON is refused as a whole request before parsing: serialising it again (for quarantine, for jsonb)
 * would overflow the stack here or in Postgres.
 */
export const MAX_JSON_DEPTH = 32;

const tooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
const bodySizeMessage = `The body is larger than ${MAX_INGEST_BODY_BYTES.toLocaleString('en-US')} bytes; send smaller batches.`;

export const ingestBodySchema = z.object({ events: z.array(z.unknown()) });

/** Reads and parses `{ events: [...] }`; the events themselves are checked one by one later. */
export async function readIngestBody(req: Request): Promise<unknown[]> {
  if (!isJsonContentType(req.headers.get('content-type'))) {
    throw new AppError(415, 'unsupported_media_type', 'Send the events as JSON with "Content-Type: application/json".');
  }
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_INGEST_BODY_BYTES) throw tooLarge(bodySizeMessage);
  const text = await readLimitedText(req, MAX_INGEST_BODY_BYTES);
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw badRequest(`The body is nested deeper than ${MAX_JSON_DEPTH} levels; events are flat objects.`, 'invalid_json');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON.', 'invalid_json');
  }
  const parsed = ingestBodySchema.safeParse(json);
  if (!parsed.success) throw badRequest(`The body must be { "events": [ … ] }: ${describeZodError(parsed.error)}`);
  const { events } = parsed.data;
  if (events.length > MAX_INGEST_EVENTS) {
    throw tooLarge(`A batch holds at most ${MAX_INGEST_EVENTS.toLocaleString('en-US')} events (got ${events.length}); split it.`);
  }
  return events;
}

async function readLimitedText(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(bodySizeMessage);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isJsonContentType(header: string | null): boolean {
  return header?.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** The deepest nesting of arrays and objects in JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, (depth += 1));
    else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}
