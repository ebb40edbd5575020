// The ingest request body: at most MAX_INGEST_BODY_BYTES (checked on Content-Length first, then on the
// bytes actually read, since the header may be absent or wrong) and at most MAX_INGEST_EVENTS events.
import { z } from 'zod';
import { AppError, badRequest, describeZodError } from '@/lib/errors';

export const MAX_INGEST_BODY_BYTES = 1024 * 1024;
export const MAX_INGEST_EVENTS = 1_000;

const tooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
const bodySizeMessage = `The body is larger than ${MAX_INGEST_BODY_BYTES.toLocaleString('en-US')} bytes; send smaller batches.`;

export const ingestBodySchema = z.object({ events: z.array(z.unknown()) });

/** Reads and parses `{ events: [...] }`; the events themselves are checked one by one later. */
export async function readIngestBody(req: Request): Promise<unknown[]> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_INGEST_BODY_BYTES) throw tooLarge(bodySizeMessage);
  const text = await readLimitedText(req, MAX_INGEST_BODY_BYTES);
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
