// GET /api/health – liveness of the database and the cache; no sign-in, no data.
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db/client';

export const dynamic = 'force-dynamic';

async function check(probe: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000))]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error('[retailwave] health check failed', error);
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}

export async function GET() {
  const db = await check(async () => (await getDatabase()).execute(sql`select 1`));
  // The in-process cache cannot fail; the shared cache adds its own probe here when configured.
  const cache = { ok: true, latencyMs: 0 };
  const status = db.ok && cache.ok ? 'ok' : 'degraded';
  return Response.json({ status, checks: { db, cache } }, { status: db.ok ? 200 : 503 });
}
