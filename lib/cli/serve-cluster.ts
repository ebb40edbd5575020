// Serves the built portal from several `next start` processes sharing one port (node:cluster), so a
// machine's every core renders pages: one Node process renders on one core however many users wait.
// Each worker is Next.js's own CLI and server, untouched; the workers share nothing but Postgres and
// Upstash (a second machine behind a load balancer is the same as a second worker). The primary only
// forks them, replaces one that dies, and passes SIGINT/SIGTERM on.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Env } from '@/lib/env';

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
  log?: (message: string) => void;
}

/** Starts the workers; resolves with the exit code once every worker has stopped for good. */
export function serveCluster(options: ClusterOptions): Promise<number> {
  const log = options.log ?? ((message) => console.error(message));
  cluster.setupPrimary({
    // `next start`, as Next.js's own command line runs it; plain Node (the primary runs under tsx, which
    // the built server does not need).
    exec: require.resolve('next/dist/bin/next'),
    args: ['start', '--port', String(options.port)],
    execArgv: [],
  });
  const workerEnv = { ...options.env, PORT: String(options.port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };

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
