// GET /api/health – liveness of the database and the cache; no sign-in, no data.
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { cacheHealth } from '@/lib/cache/process-cache';

export const dynamic = 'force-dynamic';

async function check(probe: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2_000)))]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error('[retailwave] health check failed', error);
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export async function GET() {
  const db = await check(async () => (await getDatabase()).execute(sql`select 1`));
  // The in-process cache always answers; Upstash, when configured, is probed (with its own short timeout).
  const cache = await cacheHealth();
  const status = db.ok && cache.ok ? 'ok' : 'degraded';
  return Response.json({ status, checks: { db, cache } }, { status: db.ok ? 200 : 503 });
}
