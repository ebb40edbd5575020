import { Admission } from '@/lib/queries/internal/admission';

/** Work that runs until the test ends it, noting when it starts. */
function work(events: string[], label: string) {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  return { run: async () => { events.push(label); await finished; return label; }, finish };
}

describe('Admission', () => {
  it('runs at most `slots` at once and starts the next as one finishes', async () => {
    const admission = new Admission(2, 60_000);
    const events: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((label) => work(events, label));
    const done = [admission.run('x', a.run), admission.run('y', b.run), admission.run('z', c.run)];
    await new Promise((resolve) => setImmediate(resolve)); // every pending step has run
    expect(events).toEqual(['a', 'b']);
    expect([admission.active, admission.waiting]).toEqual([2, 1]);
    b.finish();
    await expect(done[1]).resolves.toBe('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['a', 'b', 'c']);
    a.finish();
    c.finish();
    await Promise.all(done);
    expect([admission.active, admission.waiting]).toEqual([0, 0]);
  });

  it('gives waiting holders turns in rotation, each holder’s own work in order', async () => {
    const admission = new Admission(1, 60_000);
    const events: string[] = [];
    const quick = (label: string) => async () => void events.push(label);
    const first = work(events, 'first');
    const all: Promise<unknown>[] = [admission.run('h', first.run)];
    for (const label of ['a1', 'a2', 'a3']) all.push(admission.run('a', quick(label)));
    for (const label of ['b1', 'b2']) all.push(admission.run('b', quick(label)));
    all.push(admission.run('c', quick('c1')));
    first.finish();
    await Promise.all(all);
    expect(events).toEqual(['first', 'a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('refuses a wait past the queue timeout as busy, and the turn passes to the next', async () => {
    const admission = new Admission(1, 20);
    const events: string[] = [];
    const first = work(events, 'first');
    const running = admission.run('h', first.run);
    await expect(admission.run('a', async () => 'late')).rejects.toMatchObject({ status: 503, code: 'busy' });
    expect(admission.waiting).toBe(0);
    const next = admission.run('b', async () => void events.push('b'));
    first.finish();
    await Promise.all([running, next]);
    expect(events).toEqual(['first', 'b']);
  });

  it('frees the slot when the work fails', async () => {
    const admission = new Admission(1, 60_000);
    await expect(admission.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(admission.run('a', async () => 'ok')).resolves.toBe('ok');
    expect(admission.active).toBe(0);
  });
});
