// A stand-in for Upstash's REST API in front of the real Redis at REDIS_URL, so tests run the real
// @upstash/redis and @upstash/ratelimit clients against a real Redis:
//   POST /            ["CMD", ...args]        → 200 { result } | 400 { error }
//   POST /pipeline    [["CMD", ...], …]       → 200 [{ result } | { error }, …]
//   POST /multi-exec  [["CMD", ...], …]       → the same, run in MULTI/EXEC on one connection
// with a Bearer token (401 otherwise) and base64 string results when asked (`Upstash-Encoding: base64`).
// Redis is spoken to over node:net with a minimal RESP2 client.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Cache } from '@/lib/cache/cache';
import { MemoryCache } from '@/lib/cache/memory-cache';
import { UpstashCache } from '@/lib/cache/upstash-cache';
import { UpstashConnection } from '@/lib/upstash/connection';

// ---- RESP2 over one socket ------------------------------------------------------------------------------

class RedisError {
  constructor(readonly message: string) {}
}

/** A bulk string stays bytes; a simple (status) string is text. */
type Reply = Buffer | string | number | null | RedisError | Reply[];

type Parsed = { value: Reply; next: number } | undefined;

/** One complete reply starting at `at`, or undefined when the buffer does not hold all of it yet. */
function parseReply(buf: Buffer, at: number): Parsed {
  const lineEnd = buf.indexOf('\r\n', at);
  if (lineEnd < 0) return undefined;
  const line = buf.toString('utf8', at + 1, lineEnd);
  const next = lineEnd + 2;
  switch (String.fromCharCode(buf[at])) {
    case '+':
      return { value: line, next };
    case '-':
      return { value: new RedisError(line), next };
    case ':':
      return { value: Number(line), next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next };
      if (buf.length < next + length + 2) return undefined;
      return { value: buf.subarray(next, next + length), next: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next };
      const items: Reply[] = [];
      let cursor = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, cursor);
        if (!item) return undefined;
        items.push(item.value);
        cursor = item.next;
      }
      return { value: items, next: cursor };
    }
    default:
      throw new Error(`unexpected RESP type byte ${buf[at]}`);
  }
}

function encodeCommand(args: string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) parts.push(`$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return Buffer.from(parts.join(''));
}

/** Replies arrive in command order, so pending commands are a FIFO queue. */
class RedisConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
    const fail = (error: Error) => {
      this.closed = true;
      for (const p of this.pending.splice(0)) p.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('Redis connection closed')));
  }

  static async open(redisUrl: string): Promise<RedisConnection> {
    const url = new URL(redisUrl);
    const socket = connect({ host: url.hostname, port: Number(url.port || 6379) });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const connection = new RedisConnection(socket);
    const setup: string[][] = [];
    if (url.password) setup.push(url.username ? ['AUTH', decodeURIComponent(url.username), decodeURIComponent(url.password)] : ['AUTH', decodeURIComponent(url.password)]);
    const db = url.pathname.slice(1);
    if (db) setup.push(['SELECT', db]);
    for (const reply of await connection.sendAll(setup)) if (reply instanceof RedisError) throw new Error(reply.message);
    return connection;
  }

  sendAll(commands: string[][]): Promise<Reply[]> {
    if (this.closed) return Promise.reject(new Error('Redis connection closed'));
    const replies = commands.map(() => new Promise<Reply>((resolve, reject) => this.pending.push({ resolve, reject })));
    this.socket.write(Buffer.concat(commands.map(encodeCommand)));
    return Promise.all(replies);
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let at = 0;
    for (;;) {
      if (at >= this.buffer.length) break;
      const parsed = parseReply(this.buffer, at);
      if (!parsed) break;
      at = parsed.next;
      this.pending.shift()?.resolve(parsed.value);
    }
    this.buffer = this.buffer.subarray(at);
  }
}

// ---- Upstash quirks ---------------------------------------------------------------------------------------

/**
 * Upstash accepts `#!lua flags=allow-key-locking` (used by @upstash/ratelimit ≥ 2.1); Redis rejects it
 * ("Unexpected flag in script shebang"). The bridge drops that flag before forwarding and maps the client's
 * SHA1 of the original script to Redis's SHA1 of the forwarded one, so EVALSHA works as it does on Upstash.
 */
class ScriptShas {
  private readonly toRedis = new Map<string, string>();

  forward(command: string[]): string[] {
    const name = command[0]?.toUpperCase();
    if ((name === 'EVAL' || name === 'EVAL_RO') && command[1] !== undefined) return [command[0], this.strip(command[1]), ...command.slice(2)];
    if ((name === 'EVALSHA' || name === 'EVALSHA_RO') && command[1] !== undefined) {
      return [command[0], this.toRedis.get(command[1].toLowerCase()) ?? command[1], ...command.slice(2)];
    }
    if (name === 'SCRIPT' && command[1]?.toUpperCase() === 'LOAD' && command[2] !== undefined) return [command[0], command[1], this.strip(command[2])];
    return command;
  }

  /** SCRIPT LOAD answers with the SHA1 of the script the client sent, as Upstash would. */
  reply(command: string[], reply: Reply): Reply {
    const isLoad = command[0]?.toUpperCase() === 'SCRIPT' && command[1]?.toUpperCase() === 'LOAD';
    return isLoad && !(reply instanceof RedisError) ? sha1(command[2]) : reply;
  }

  private strip(script: string): string {
    const match = /^#!lua flags=([^\n]*)/.exec(script);
    if (!match) return script;
    const flags = match[1].split(',').filter((f) => f.trim() && f.trim() !== 'allow-key-locking');
    const forwarded = `#!lua flags=${flags.join(',')}${script.slice(match[0].length)}`;
    this.toRedis.set(sha1(script), sha1(forwarded));
    return forwarded;
  }
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

function toJson(reply: Reply, base64: boolean): unknown {
  if (Buffer.isBuffer(reply)) return base64 ? reply.toString('base64') : reply.toString('utf8');
  // The client decodes every string result except "OK" from base64.
  if (typeof reply === 'string') return base64 && reply !== 'OK' ? Buffer.from(reply).toString('base64') : reply;
  if (reply instanceof RedisError) return reply.message;
  if (Array.isArray(reply)) return reply.map((r) => toJson(r, base64));
  return reply;
}

const entry = (reply: Reply, base64: boolean) => (reply instanceof RedisError ? { error: reply.message } : { result: toJson(reply, base64) });

/** JSON arguments may be numbers or booleans: Redis takes text. */
function toCommand(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error('ERR a command is a non-empty JSON array');
  return value.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)));
}

// ---- HTTP ------------------------------------------------------------------------------------------------

export interface UpstashBridge {
  /** For UPSTASH_REDIS_REST_URL. */
  url: string;
  /** For UPSTASH_REDIS_REST_TOKEN. */
  token: string;
  close(): Promise<void>;
}

export async function startUpstashBridge(redisUrl: string): Promise<UpstashBridge> {
  const token = randomBytes(16).toString('hex');
  const scripts = new ScriptShas();
  let shared: Promise<RedisConnection> | undefined;
  const sharedConnection = async () => {
    const current = await shared?.catch(() => undefined);
    if (current && !current.closed) return current;
    shared = RedisConnection.open(redisUrl);
    return shared;
  };
  const run = async (connection: RedisConnection, commands: string[][]) =>
    (await connection.sendAll(commands.map((c) => scripts.forward(c)))).map((reply, i) => scripts.reply(commands[i], reply));

  async function handle(path: string, body: unknown, base64: boolean): Promise<{ status: number; json: unknown }> {
    if (path === '/' || path === '') {
      const [reply] = await run(await sharedConnection(), [toCommand(body)]);
      return reply instanceof RedisError ? { status: 400, json: { error: reply.message } } : { status: 200, json: { result: toJson(reply, base64) } };
    }
    if (path === '/pipeline') {
      if (!Array.isArray(body)) throw new Error('ERR a pipeline is a JSON array of commands');
      const replies = await run(await sharedConnection(), body.map(toCommand));
      return { status: 200, json: replies.map((r) => entry(r, base64)) };
    }
    if (path === '/multi-exec') {
      if (!Array.isArray(body)) throw new Error('ERR a transaction is a JSON array of commands');
      // MULTI state belongs to a connection: a transaction gets its own.
      const connection = await RedisConnection.open(redisUrl);
      try {
        const replies = await run(connection, [['MULTI'], ...body.map(toCommand), ['EXEC']]);
        const exec = replies[replies.length - 1];
        if (exec instanceof RedisError) return { status: 400, json: { error: exec.message } };
        if (!Array.isArray(exec)) return { status: 400, json: { error: 'ERR transaction discarded' } };
        return { status: 200, json: exec.map((r) => entry(r, base64)) };
      } finally {
        connection.close();
      }
    }
    return { status: 404, json: { error: `unknown path ${path}` } };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: 'Unauthorized' });
      if (req.method !== 'POST') return reply(405, { error: 'use POST' });
      const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
      const path = new URL(req.url ?? '/', 'http://bridge').pathname;
      Promise.resolve()
        .then(() => handle(path, JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'), base64))
        .then(({ status, json }) => reply(status, json))
        .catch((error: Error) => reply(400, { error: error.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (shared) (await shared.catch(() => undefined))?.close();
    },
  };
}

// ---- Test matrix -------------------------------------------------------------------------------------------

export type CacheBackendName = 'memory' | 'upstash';

/** The backends this run tests: in-process always, plus Upstash through the bridge when REDIS_URL is set. */
export function testCacheBackends(): CacheBackendName[] {
  return process.env.REDIS_URL ? ['memory', 'upstash'] : ['memory'];
}

/** A key prefix no other test run shares. */
export function testKeyNamespace(): string {
  return `rwtest-${randomBytes(5).toString('hex')}`;
}

export interface TestBackend {
  name: CacheBackendName;
  cache: Cache;
  /** The Upstash connection (through the bridge), or null for the in-process backend. */
  upstash: UpstashConnection | null;
  /** Deletes the keys under `namespace` and stops the bridge. */
  close(): Promise<void>;
}

export async function openTestBackend(name: CacheBackendName, namespace: string): Promise<TestBackend> {
  if (name === 'memory') return { name, cache: new MemoryCache(), upstash: null, close: async () => {} };
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) throw new Error('REDIS_URL is not set');
  const bridge = await startUpstashBridge(redisUrl);
  // Generous timeout: the bridge runs in the test process, which may be busy (PGlite, bcrypt).
  const upstash = new UpstashConnection({ url: bridge.url, token: bridge.token, timeoutMs: 5_000 });
  return {
    name,
    cache: new UpstashCache(upstash),
    upstash,
    async close() {
      let cursor = '0';
      do {
        const [next, keys] = await upstash.redis.scan(cursor, { match: `${namespace}:*`, count: 500 });
        if (keys.length) await upstash.redis.del(...keys);
        cursor = String(next);
      } while (cursor !== '0');
      await bridge.close();
    },
  };
}
