// The continuous ETL: drain bronze, then sleep until a NOTIFY on the bronze channel (or a fallback timer,
// for notifications missed while busy or disconnected). A failing event never reaches this loop (a batch
// isolates and dead-letters it, see run-batch.ts); what does is the database being unreachable or a lost
// deadlock race, logged and retried with backoff. The loop only ends when stopped. Several workers may run
// at once.
import type { DatabaseHandle } from '@/db/client';
import { BRONZE_CHANNEL } from './bronze';
import { runEtlBatch, type EtlBatchOptions, type EtlSummary } from './run-batch';

export interface WorkerOptions extends EtlBatchOptions {
  /** Longest sleep between drains when no notification arrives. */
  idleMs?: number;
  /** Longest wait after repeated failures. */
  maxBackoffMs?: number;
  onBatch?: (summary: EtlSummary, elapsedMs: number) => void;
  log?: (message: string, error?: unknown) => void;
}

/** Starts the loop; the returned function stops it and resolves once the current batch has finished. */
export function startWorker(handle: DatabaseHandle, options: WorkerOptions): () => Promise<void> {
  const idleMs = options.idleMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const log = options.log ?? ((message, error) => console.error(`[etl-worker] ${message}`, error ?? ''));
  let stopped = false;
  let wake: (() => void) | undefined;
  let pendingWake = false;
  let wakeOnNotify = false;
  const notify = () => {
    pendingWake = true;
    if (wakeOnNotify) wake?.();
  };
  // An idle sleep ends on a notification; a backoff after a failure ends only on its timer (or stop).
  const sleep = (ms: number, endsOnNotify: boolean) =>
    new Promise<void>((resolve) => {
      if (stopped || (endsOnNotify && pendingWake)) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
      wakeOnNotify = endsOnNotify;
    });

  const unlisten = handle.listen(BRONZE_CHANNEL, notify).catch((error: unknown) => {
    log(`cannot listen on ${BRONZE_CHANNEL}; polling every ${idleMs} ms`, error);
    return undefined;
  });

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        pendingWake = false;
        for (;;) {
          const started = Date.now();
          const summary = await runEtlBatch(handle.db, options);
          if (summary.claimed === 0 || stopped) break;
          options.onBatch?.(summary, Date.now() - started);
        }
        failures = 0;
        await sleep(idleMs, true);
      } catch (error) {
        failures += 1;
        const backoff = Math.min(maxBackoffMs, 500 * 2 ** Math.min(failures, 10));
        log(`batch failed (attempt ${failures}); retrying in ${backoff} ms`, error);
        await sleep(backoff, false);
      }
    }
  })();

  return async () => {
    stopped = true;
    wake?.();
    await loop;
    const stop = await unlisten;
    await stop?.().catch((error: unknown) => log('unlisten failed', error));
  };
}
