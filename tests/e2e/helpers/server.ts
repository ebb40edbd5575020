// The production server the browser tests run against: built if the sources changed, seeded with a
// small demo dataset in a throwaway DATA_DIR, started with `npm start` in its own process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// relative: the global setup runs outside Jest's module mapper
import { needsBuild } from '../../../lib/cli/build-freshness';

export const ROOT = path.resolve(__dirname, '../../..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'e2e', 'artifacts');
/** Small enough to seed in well under a minute, large enough that every region has sales. */
const SEED_TRANSACTIONS = '30000';
export const E2E_DEMO_PASSWORD = 'e2e-demo-password-1';
/** The server's one ingest API key, for tests that post live events. */
export const E2E_INGEST_KEY = 'e2e-ingest-key-0000000001';

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
}

/** The environment of every child: the embedded database under DATA_DIR, never a configured server. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  delete env.DATABASE_URL;
  delete env.UPSTASH_REDIS_REST_URL;
  delete env.UPSTASH_REDIS_REST_TOKEN;
  return env;
}

/** Runs a command to completion; its output goes to the terminal, or to a log file under artifacts/. */
async function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string): Promise<void> {
  const started = Date.now();
  console.log(`[e2e] ${step}${logFile ? ` (log: tests/e2e/artifacts/${logFile})` : ''}…`);
  const child = spawn(command, args, { cwd: ROOT, env, stdio: logFile ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  if (logFile) {
    const log = createWriteStream(path.join(ARTIFACTS, logFile));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`[e2e] ${step} failed (exit ${code})${logFile ? `; see tests/e2e/artifacts/${logFile}` : ''}`);
  console.log(`[e2e] ${step} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`[e2e] the server exited with code ${child.exitCode}; see tests/e2e/artifacts/server.log`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`[e2e] the server did not become healthy within ${timeoutMs / 1000} s; see tests/e2e/artifacts/server.log`);
}

export async function startServer(): Promise<RunningServer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'retailwave-e2e-'));
  // The build is mostly parallel compilation and the seed one single-threaded database: together they
  // take about as long as the longer of the two.
  await Promise.all([
    needsBuild(ROOT) ? run('next build', 'npx', ['next', 'build'], childEnv({ NODE_ENV: 'production' })) : undefined,
    run(`seed ${SEED_TRANSACTIONS} sale lines`, 'npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts', '--transactions', SEED_TRANSACTIONS], childEnv({ DATA_DIR: dataDir }), 'seed.log'),
  ]);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(path.join(ARTIFACTS, 'server.log'));
  // `npm start` migrates, adds the demo users with DEMO_PASSWORD, sees the data and the build are there, serves.
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true, // its own process group, so teardown stops npm, tsx and next together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({
      NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, DEMO_PASSWORD: E2E_DEMO_PASSWORD, NEXTAUTH_URL: baseUrl,
      INGEST_API_KEYS: E2E_INGEST_KEY,
      // the figures the tests compare must stand still: no live demo sales (lib/seed/live-demo.ts)
      DEMO_LIVE: '0',
    }),
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  console.log(`[e2e] starting the server on ${baseUrl} (log: tests/e2e/artifacts/server.log)…`);
  const server = { baseUrl, dataDir, process: child };
  try {
    await waitForHealth(baseUrl, child, 120_000);
  } catch (error) {
    // Jest skips the global teardown when the setup fails, so clean up here.
    await stopServer(server);
    throw error;
  }
  return server;
}

export async function stopServer(server: RunningServer): Promise<void> {
  await stopProcessGroup(server.process);
  rmSync(server.dataDir, { recursive: true, force: true });
}

/** Stops a server started in its own process group: SIGTERM, then SIGKILL after 10 s. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const { pid } = child;
  if (!pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
