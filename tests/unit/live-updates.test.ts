/**
 * The pure parts of live dashboards: the monitor's clock (today, yesterday, the cut-off minute, the last
 * hour) in a time zone with daylight saving, which changes touch a page, the refresh throttle and the
 * live badge's store.
 */
import { liveWindow, minuteLabel } from '@/lib/queries/internal/live-window';
import { changeMessageSchema, changeTouches, type LiveWatch } from '@/lib/realtime/change-message';
import { RefreshThrottle } from '@/lib/realtime/refresh-throttle';
import { LiveStatusStore } from '@/components/live/live-status-store';

describe('liveWindow', () => {
  it('rounds to the end of the current minute, in the reporting time zone', () => {
    // 03:30:20 UTC is 23:30:20 the day before in New York (EDT, UTC−4)
    const w = liveWindow(new Date('2025-06-10T03:30:20Z'), 'America/New_York');
    expect(w).toEqual({
      today: '2025-06-09',
      yesterday: '2025-06-08',
      cutoffSeconds: 23 * 3600 + 31 * 60,
      start: new Date('2025-06-10T02:31:00Z'),
      end: new Date('2025-06-10T03:31:00Z'),
    });
    expect(minuteLabel(w.start, 'America/New_York')).toBe('2025-06-09 22:31');
  });

  it('caps the cut-off at midnight in the last minute of a day', () => {
    expect(liveWindow(new Date('2025-06-10T23:59:30Z'), 'UTC').cutoffSeconds).toBe(86_400);
  });

  it('compares by wall-clock time on a daylight-saving day', () => {
    // 2025-03-09 is 23 hours long in New York; 12:00 EDT is 16:00 UTC
    const w = liveWindow(new Date('2025-03-09T16:00:05Z'), 'America/New_York');
    expect(w.today).toBe('2025-03-09');
    expect(w.cutoffSeconds).toBe(12 * 3600 + 60);
  });

  it('refuses an invalid instant', () => {
    expect(() => liveWindow(new Date('nope'), 'UTC')).toThrow(TypeError);
  });
});

describe('changeTouches', () => {
  const change = changeMessageSchema.parse({ at: '2026-05-31T10:00:00Z', regions: ['East'], dates: ['2026-05-31'], stores: ['S001', 'S002'] });
  const watch = (w: Partial<LiveWatch>): LiveWatch => ({ regions: ['East', 'West'], dates: { from: '2026-05-01', to: '2026-05-31' }, stores: [], ...w });

  it('matches a change in the page\'s regions and days', () => {
    expect(changeTouches(change, watch({}))).toBe(true);
  });

  it('ignores other regions, days outside the range and stores outside the store filter', () => {
    expect(changeTouches(change, watch({ regions: ['West'] }))).toBe(false);
    expect(changeTouches(change, watch({ dates: { from: '2026-04-01', to: '2026-05-30' } }))).toBe(false);
    expect(changeTouches(change, watch({ stores: ['S003'] }))).toBe(false);
    expect(changeTouches(change, watch({ stores: ['S003', 'S002'] }))).toBe(true);
    expect(changeTouches(change, watch({ dates: 'any' }))).toBe(true);
  });

  it('refuses messages that are not changes', () => {
    expect(changeMessageSchema.safeParse({ at: 'x', regions: ['Atlantis'], dates: [], stores: [] }).success).toBe(false);
    expect(changeMessageSchema.safeParse({ reason: 'overflow' }).success).toBe(false);
  });
});

describe('RefreshThrottle', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('refreshes at once, then once per interval for a burst', () => {
    const refresh = jest.fn();
    const throttle = new RefreshThrottle(refresh, 1_000);
    throttle.request();
    expect(refresh).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      jest.advanceTimersByTime(50);
      throttle.request();
    }
    expect(refresh).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(500); // 1,000 ms after the first refresh
    expect(refresh).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(5_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    throttle.request();
    expect(refresh).toHaveBeenCalledTimes(3);
    throttle.dispose();
  });

  it('holds refreshes while the tab is hidden and makes one when it shows', () => {
    const refresh = jest.fn();
    const throttle = new RefreshThrottle(refresh, 1_000);
    throttle.hold('hidden', true);
    throttle.request();
    throttle.request();
    jest.advanceTimersByTime(10_000);
    expect(refresh).not.toHaveBeenCalled();
    throttle.hold('hidden', false);
    expect(refresh).toHaveBeenCalledTimes(1);
    throttle.hold('hidden', true);
    throttle.hold('hidden', false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes only when every hold has lifted: a page still streaming in waits even when visible', () => {
    const refresh = jest.fn();
    const throttle = new RefreshThrottle(refresh, 1_000);
    throttle.hold('loading', true);
    throttle.hold('hidden', true);
    throttle.request();
    throttle.hold('hidden', false);
    expect(refresh).not.toHaveBeenCalled();
    throttle.hold('loading', false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe('LiveStatusStore', () => {
  it('hands out the same snapshot until something changes, and tells its subscribers when it does', () => {
    const store = new LiveStatusStore();
    const first = store.getSnapshot();
    expect(first).toEqual({ status: 'connecting', lastUpdate: null });
    const heard: string[] = [];
    const unsubscribe = store.subscribe(() => heard.push(store.getSnapshot().status));
    store.setStatus('connecting');
    expect(store.getSnapshot()).toBe(first);
    store.setStatus('connected');
    const at = new Date('2026-12-06T10:00:00Z');
    store.markUpdated(at);
    expect(store.getSnapshot()).toEqual({ status: 'connected', lastUpdate: at });
    unsubscribe();
    store.setStatus('reconnecting');
    expect(heard).toEqual(['connected', 'connected']);
  });
});
