/**
 * Two app instances on one Postgres: two `next start` processes of the production build on different
 * ports, each with its own connection pool, LISTEN connection and ETL worker. A sale ingested through one
 * reaches an SSE client connected to the other (the notification travels through Postgres), only the
 * clients of its region hear it, and the other instance's own clients hear it too.
 * Needs a Postgres server: skipped when TEST_DATABASE_URL is unset.
 */
const AUTH_SECRET = 'two-instances-secret-two-instances-0001';
process.env.AUTH_SECRET = AUTH_SECRET;
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { recordGoldChange } from '@/lib/realtime/change-log';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { insertRetailFixture } from '../helpers/retail-fixture';
import { prepareUsers, sessionClaimsFor } from '../helpers/scopes';
import { sessionCookie } from '../helpers/session-cookie';
import { readSse } from '../helpers/sse-reader';
import { saleEnvelope } from './helpers/ingest';
import { ARTIFACTS, freePort, ROOT, stopProcessGroup } from './helpers/server';

const INGEST_KEY = 'two-instances-ingest-key-01';
const describeWithPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

interface Instance {
  name: string;
  baseUrl: string;
  child: ChildProcess;
}

async function startInstance(name: string, databaseUrl: string): Promise<Instance> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET,
    INGEST_API_KEYS: INGEST_KEY,
    NEXTAUTH_URL: baseUrl,
    PORT: String(port),
  };
  delete env.UPSTASH_REDIS_REST_URL;
  delete env.UPSTASH_REDIS_REST_TOKEN;
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(path.join(ARTIFACTS, `instance-${name}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { name, baseUrl, child };
}

async function waitHealthy(instance: Instance, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) {
      throw new Error(`instance ${instance.name} exited with ${instance.child.exitCode}; see tests/e2e/artifacts/instance-${instance.name}.log`);
    }
    try {
      if ((await fetch(`${instance.baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance ${instance.name} did not become healthy; see tests/e2e/artifacts/instance-${instance.name}.log`);
}

const stopInstance = (instance: Instance) => stopProcessGroup(instance.child);

describeWithPostgres('two app instances on one Postgres', () => {
  let db: TestDatabase;
  const instances: Instance[] = [];
  const cookies = new Map<string, string>();
  const streams: AbortController[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    await insertRetailFixture(db.db);
    await prepareUsers(db);
    for (const email of ['east.manager@retailwave.test', 'viewer@retailwave.test']) {
      cookies.set(email, await sessionCookie(await sessionClaimsFor(db, email)));
    }
    instances.push(await startInstance('a', db.url!), await startInstance('b', db.url!));
    await Promise.all(instances.map((i) => waitHealthy(i)));
  }, 180_000);

  afterAll(async () => {
    for (const controller of streams) controller.abort();
    await Promise.all(instances.map(stopInstance));
    await db?.destroy();
  }, 60_000);

  async function connect(instance: Instance, email: string) {
    const controller = new AbortController();
    streams.push(controller);
    const res = await fetch(`${instance.baseUrl}/api/stream`, { headers: { cookie: cookies.get(email)! }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const client = readSse(res.body!);
    await client.waitFor((m) => m.some((x) => x.event === 'ready'), `${email} on ${instance.name} to be ready`);
    return client;
  }

  it('delivers a sale ingested through one instance to the SSE clients of its region on the other', async () => {
    const [a, b] = instances;
    const eastOnB = await connect(b, 'east.manager@retailwave.test');
    const southOnB = await connect(b, 'viewer@retailwave.test');
    const eastOnA = await connect(a, 'east.manager@retailwave.test');

    const res = await fetch(`${a.baseUrl}/api/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [saleEnvelope({ transactionId: randomUUID(), storeCode: 'S001', sku: 'SKU-00001', quantity: 1, unitPrice: 2.5 })] }),
    });
    const answeredAt = Date.now();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });

    await eastOnB.waitFor((m) => m.some((x) => x.event === 'change'), 'the change on instance b');
    const [change] = eastOnB.events('change');
    expect(change.data).toMatchObject({ regions: ['East'], stores: ['S001'], dates: [new Date().toISOString().slice(0, 10)] });
    // ids are opaque (the position encrypted for the caller), and different at each issue
    expect(change.id).toMatch(/^[\w-]{48}$/);
    console.log(`[two-instances] ingest response on a → SSE change on b: ${change.receivedAt - answeredAt} ms`);

    const same = JSON.stringify(change.data);
    await eastOnA.waitFor((m) => m.some((x) => x.event === 'change' && JSON.stringify(x.data) === same), 'the same change on instance a');
    // A later change in South reaches the South viewer after everything before it: the East sale was not there.
    await db.db.transaction((tx) => recordGoldChange(tx, [{ region: 4, dates: ['2026-01-01'], stores: ['S900'] }]));
    await southOnB.waitFor((m) => m.some((x) => x.event === 'change'), 'the South change on instance b');
    expect(southOnB.events('change').map((x) => x.data)).toEqual([{ at: expect.any(String), regions: ['South'], dates: ['2026-01-01'], stores: ['S900'] }]);
    expect(JSON.stringify(southOnB.messages)).not.toMatch(/East|S001/);
  });
});
