// POST /api/ingest – a batch of retail events from a point-of-sale or stock system (API key, not a session).
import type { NextRequest } from 'next/server';
import { getDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { AppError, errorResponse, tooManyRequests, unauthorized } from '@/lib/errors';
import { authenticateIngestKey } from '@/lib/ingest/api-key';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { takeIngestAllowance } from '@/lib/ingest/rate-limit';
import { readIngestBody } from '@/lib/ingest/read-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: NextRequest): Promise<Response> {
  try {
    const client = authenticateIngestKey(req.headers.get('authorization'), env().INGEST_API_KEYS);
    if (!client) throw unauthorized('Send a valid ingest API key as "Authorization: Bearer <key>".');
    const allowance = await takeIngestAllowance(client.keyId);
    if (!allowance.allowed) throw tooManyRequests(`Too many requests for this key; retry in ${allowance.retryAfter} s.`, allowance.retryAfter);
    const events = await readIngestBody(req);
    const result = await ingestEvents(await getDatabase(), { source: `api:${client.keyId}`, events });
    return Response.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}

// Next answers other methods 405 with an empty body; ours say what to do, as every error does.
function methodNotAllowed(): Response {
  return errorResponse(new AppError(405, 'method_not_allowed', 'Send events with POST.', { Allow: 'POST' }));
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
