import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { RenderFlights } from '@/lib/page-cache/render-flights';

/** What RenderFlights reads of a response: its 'close' event. */
const response = () => new EventEmitter() as unknown as ServerResponse;

describe('render flights', () => {
  it('have nothing to wait for until a render leads under the key', () => {
    const flights = new RenderFlights();
    expect(flights.wait('page:a')).toBeUndefined();
    flights.lead('page:a', response());
    expect(flights.wait('page:a')).toBeInstanceOf(Promise);
    expect(flights.wait('page:b')).toBeUndefined();
  });

  it('let waiters go when the leading response has ended, and then forget the key', async () => {
    const flights = new RenderFlights();
    const res = response();
    flights.lead('page:a', res);
    let released = false;
    const waiting = flights.wait('page:a', 60_000)!.then(() => (released = true));
    await new Promise((r) => setImmediate(r));
    expect(released).toBe(false);
    res.emit('close');
    await waiting;
    expect(released).toBe(true);
    expect(flights.wait('page:a')).toBeUndefined();
  });

  it('stop waiting after the longest wait even if the render never ends', async () => {
    const flights = new RenderFlights();
    flights.lead('page:a', response());
    const started = Date.now();
    await flights.wait('page:a', 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(flights.wait('page:a')).toBeInstanceOf(Promise); // still under way for the next one
  });

  it('keep a newer render of the key when an older one ends', async () => {
    const flights = new RenderFlights();
    const older = response();
    flights.lead('page:a', older);
    flights.lead('page:a', response());
    older.emit('close');
    await new Promise((r) => setImmediate(r));
    expect(flights.wait('page:a')).toBeInstanceOf(Promise);
  });
});
