// What a server process starts with (instrumentation.ts calls it, in the Node runtime only): opens the
// database, marks the embedded database folder as held (scripts then refuse to open it concurrently),
// and starts the ETL worker, so a single machine needs no second process. Several servers on one Postgres
// each run one worker safely (batches are claimed with SKIP LOCKED). On the demo dataset, with DEMO_LIVE on,
// it also keeps the demo selling (lib/seed/live-demo.ts; each moment's sales are added once however many
// servers run).
// Kept out of instrumentation.ts so that the Edge build of that file never sees Node-only APIs.
import { configuredTarget } from '@/db/client';
import { openAppDatabase } from '@/lib/app-database';
import { env } from '@/lib/env';
import { rebuildRollupsIfMissing } from '@/lib/etl/rollups/maintain-rollups';
import { startWorker } from '@/lib/etl/worker';
import { startDemoLive } from '@/lib/seed/live-demo';
import { holdServerLock } from '@/lib/server-lock';

export async function startServerProcess(): Promise<void> {
  const settings = env();
  const target = configuredTarget(settings);
  if ('dataDir' in target) holdServerLock(target.dataDir);
  const handle = await openAppDatabase();
  // The worker starts once rollups a new release added are built from the facts already loaded.
  const rebuilt = rebuildRollupsIfMissing(handle.db, () => console.log('[rollups] building rollups this release added from the facts…'));
  void rebuilt.then(
    (did) => {
      if (did) console.log('[rollups] built');
      const stop = startWorker(handle, { limit: 5_000, timeZone: settings.REPORTING_TIME_ZONE });
      process.once('beforeExit', () => void stop());
      const stopDemo = startDemoLive(handle.db, { enabled: settings.DEMO_LIVE });
      process.once('beforeExit', () => void stopDemo());
    },
    (error: unknown) => console.error('[rollups] rebuilding failed; the ETL worker is not running', error),
  );
}
