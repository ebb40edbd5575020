// Serves the built portal from several Next.js server processes sharing one port (node:cluster), so a
// machine's every core renders pages: one Node process renders on one core however many users wait.
// The primary forks the workers, replaces one that dies, hosts the page cache (lib/page-cache), and passes
// SIGINT/SIGTERM on. Rate-limit counters live in Postgres or Upstash, shared by every process.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '@/lib/env';
import { hostClusterPageStore } from '@/lib/page-cache/cluster-host';
import { CLUSTER_PAGES_ENV } from '@/lib/page-cache/cluster-protocol';
import { PAGE_MAX_AGE_MS, PageStore } from '@/lib/page-cache/page-store';

/** Gives up when workers keep dying: this many exits within the window below. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/** WEB_CONCURRENCY, or one process per CPU on Postgres and one on the embedded database. */
export function serverProcessCount(settings: Pick<Env, 'WEB_CONCURRENCY' | 'DATABASE_URL'>): number {
  if (settings.WEB_CONCURRENCY) return settings.WEB_CONCURRENCY;
  return settings.DATABASE_URL ? os.availableParallelism() : 1;
}

export interface ClusterOptions {
  port: number;
  processes: number;
  /** The workers' environment (NODE_ENV is set to production). */
  env: NodeJS.ProcessEnv;
  /** Whether the workers share limits through Upstash; otherwise the primary keeps them. */
  upstash: boolean;
  /** The page cache's size (PAGE_CACHE_MB); with several workers the primary holds it for all. */
  pageCacheMb: number;
  log?: (message: string) => void;
}

/** Starts the workers; resolves with the exit code once every worker has stopped for good. */
export function serveCluster(options: ClusterOptions): Promise<number> {
  const log = options.log ?? ((message) => console.error(message));
  const hostPages = options.processes > 1 && options.pageCacheMb > 0;
  if (hostPages) hostClusterPageStore(cluster, new PageStore(options.pageCacheMb * 1024 * 1024, PAGE_MAX_AGE_MS));
  cluster.setupPrimary({
    // Structured clone, not JSON: pages travel to and from the primary as bytes.
    serialization: 'advanced',
    // `next start` with the page cache's capture in front (lib/cli/portal-server.ts), run through tsx.
    exec: path.join(process.cwd(), 'scripts', 'portal-worker.ts'),
    execArgv: ['--import', 'tsx'],
  });
  const workerEnv = {
    ...options.env, PORT: String(options.port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1',
    ...(hostPages ? { [CLUSTER_PAGES_ENV]: '1' } : {}),
  };

  let stopping = false;
  let exitCode = 0;
  const exits: number[] = [];
  const fork = (): Worker => cluster.fork(workerEnv);

  return new Promise((resolve) => {
    const finishIfDone = () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) resolve(exitCode);
    };
    cluster.on('exit', (worker, code, signal) => {
      // An exit on SIGTERM or SIGINT (a server process exits 128 + the signal's number, or by the signal) is a stop someone asked
      // for, also when the signal went to the whole process group and reached the worker before us; a
      // crash, or the OOM killer's SIGKILL, is replaced.
      const askedToStop = [0, 130, 143].includes(code) || signal === 'SIGTERM' || signal === 'SIGINT';
      if (stopping || askedToStop) return finishIfDone();
      const now = Date.now();
      exits.push(now);
      while (exits.length > 0 && exits[0] < now - RESTART_WINDOW_MS) exits.shift();
      if (exits.length >= MAX_RESTARTS) {
        log(`Server processes keep stopping (${exits.length} within a minute); giving up.`);
        exitCode = 1;
        stop('SIGTERM');
        return finishIfDone();
      }
      log(`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`);
      fork();
    });
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
    for (let i = 0; i < options.processes; i++) fork();
  });
}
