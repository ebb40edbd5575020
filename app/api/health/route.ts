// GET /api/health – liveness of the database and the cache, and how the ETL pipeline is doing; no sign-in.
// 503 `starting` until migrations and the demo seed are done; then `status` reflects only the database and
// the cache (200 for ok and degraded, 503 only when the database is down). `pipeline` is information: a
// backlog or dead-lettered events never make the portal unhealthy.
import { getDatabase } from '@/db/client';
import { cacheHealth } from '@/lib/cache/process-cache';
import { databaseReadiness, type Readiness } from '@/lib/database-readiness';
import { getPipelineCounts, type PipelineCounts } from '@/lib/etl/pipeline-counts';

export const dynamic = 'force-dynamic';

const PROBE_TIMEOUT_MS = 2_000;

async function check<T>(probe: () => Promise<T>): Promise<{ ok: boolean; latencyMs: number; value?: T }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS)));
    const value = await Promise.race([probe(), timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started), value };
  } catch (error) {
    console.error('[retailwave] health check failed', error);
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export async function GET() {
  const probe = await check(async (): Promise<{ readiness: Readiness; pipeline?: PipelineCounts }> => {
    const db = await getDatabase();
    const readiness = await databaseReadiness(db);
    return readiness === 'ready' ? { readiness, pipeline: await getPipelineCounts(db) } : { readiness };
  });
  const db = { ok: probe.ok, latencyMs: probe.latencyMs };
  if (probe.value && probe.value.readiness !== 'ready') {
    return Response.json({ status: 'starting', checks: { db }, starting: probe.value.readiness }, { status: 503, headers: { 'Retry-After': '5' } });
  }
  // The in-process cache always answers; Upstash, when configured, is probed (with its own short timeout).
  const cache = await cacheHealth();
  const status = db.ok && cache.ok ? 'ok' : 'degraded';
  return Response.json({ status, checks: { db, cache }, pipeline: probe.value?.pipeline ?? null }, { status: db.ok ? 200 : 503 });
}
