// The test bridge speaks Upstash's REST protocol to the real Redis (REDIS_URL): checked with raw HTTP,
// so the other suites can trust what the Upstash clients see through it.
import { createHash } from 'node:crypto';
import { startUpstashBridge, testKeyNamespace, type UpstashBridge } from '../helpers/upstash-bridge';

const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

describeWithRedis('Upstash REST bridge to Redis', () => {
  let bridge: UpstashBridge;
  const ns = testKeyNamespace();

  beforeAll(async () => {
    bridge = await startUpstashBridge(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await post('/', ['EVAL', `for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end`, 0, `${ns}:*`]);
    await bridge.close();
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${bridge.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  }

  it('runs one command, stringifying numeric arguments', async () => {
    expect(await post('/', ['SET', `${ns}:n`, 41])).toEqual({ status: 200, json: { result: 'OK' } });
    expect(await post('/', ['INCR', `${ns}:n`])).toEqual({ status: 200, json: { result: 42 } });
    expect(await post('/', ['GET', `${ns}:missing`])).toEqual({ status: 200, json: { result: null } });
  });

  it('answers a Redis error with 400 and a missing or wrong token with 401', async () => {
    await post('/', ['SET', `${ns}:s`, 'text']);
    const wrongType = await post('/', ['HGET', `${ns}:s`, 'f']);
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error).toMatch(/^WRONGTYPE/);
    expect((await post('/', ['PING'], { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('base64-encodes string results when asked, except OK', async () => {
    const text = 'héllo ✓';
    expect((await post('/', ['SET', `${ns}:b`, text], { 'Upstash-Encoding': 'base64' })).json).toEqual({ result: 'OK' });
    const got = await post('/', ['GET', `${ns}:b`], { 'Upstash-Encoding': 'base64' });
    expect(Buffer.from(got.json.result, 'base64').toString('utf8')).toBe(text);
    const list = await post('/', ['MGET', `${ns}:b`, `${ns}:missing`], { 'Upstash-Encoding': 'base64' });
    expect(list.json.result[1]).toBeNull();
    expect(Buffer.from(list.json.result[0], 'base64').toString('utf8')).toBe(text);
  });

  it('runs a pipeline with a result or an error per command', async () => {
    const res = await post('/pipeline', [['SET', `${ns}:p`, 'v'], ['HGET', `${ns}:p`, 'f'], ['GET', `${ns}:p`]]);
    expect(res.status).toBe(200);
    expect(res.json).toEqual([{ result: 'OK' }, { error: expect.stringMatching(/^WRONGTYPE/) }, { result: 'v' }]);
  });

  it('runs multi-exec as one transaction', async () => {
    const res = await post('/multi-exec', [['INCR', `${ns}:m`], ['INCR', `${ns}:m`], ['GET', `${ns}:m`]]);
    expect(res).toEqual({ status: 200, json: [{ result: 1 }, { result: 2 }, { result: '2' }] });
    expect((await post('/multi-exec', [['INCR'], ['GET', `${ns}:m`]])).status).toBe(400);
  });

  it("accepts Upstash's allow-key-locking script flag and keeps the client's script SHA working", async () => {
    const script = `#!lua flags=allow-key-locking\nreturn redis.call('INCR', KEYS[1])`;
    const sha = createHash('sha1').update(script).digest('hex');
    expect((await post('/', ['EVALSHA', sha, 1, `${ns}:lua`])).json.error).toMatch(/^NOSCRIPT/);
    expect(await post('/', ['EVAL', script, 1, `${ns}:lua`])).toEqual({ status: 200, json: { result: 1 } });
    expect(await post('/', ['EVALSHA', sha, 1, `${ns}:lua`])).toEqual({ status: 200, json: { result: 2 } });
    expect(await post('/', ['SCRIPT', 'LOAD', script])).toEqual({ status: 200, json: { result: sha } });
  });
});
