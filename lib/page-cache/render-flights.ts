// Requests for a page that is being rendered under their key wait for that render and get what it kept:
// after a sale, the users of one view who refresh at once cost one render per server process, not one
// each. A waiter whose render was not kept (an error, a cookie) or took longer than it may wait renders
// for itself.
import type { ServerResponse } from 'node:http';

/** Long enough for a render under load, short enough that a stuck one costs a waiter little. */
export const FLIGHT_WAIT_MS = 3_000;

export class RenderFlights {
  private readonly flights = new Map<string, Promise<void>>();

  /** Settles when the render under way for `key` has ended, or after `maxWaitMs`; undefined if there is none. */
  wait(key: string, maxWaitMs = FLIGHT_WAIT_MS): Promise<void> | undefined {
    const flight = this.flights.get(key);
    if (!flight) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
    return Promise.race([flight, timeout]).finally(() => clearTimeout(timer));
  }

  /** Marks `res` as the render for `key` until it has ended ('close' follows the page cache's 'finish'). */
  lead(key: string, res: ServerResponse): void {
    const flight = new Promise<void>((resolve) => res.once('close', () => resolve()));
    this.flights.set(key, flight);
    void flight.then(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
  }
}
