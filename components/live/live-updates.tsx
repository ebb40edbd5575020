'use client';
// One EventSource per tab: the provider opens the change stream (GET /api/stream, or a share link's
// stream) and, when a change touches what a mounted <LiveRefresh> watches, re-renders the page's server
// components with router.refresh() — Plotly then redraws with Plotly.react, keeping zoom (uirevision).
// A `reset` (the server could not replay what was missed) refreshes too. The context value never changes
// (see live-status-store.ts): the badge reads the connection state from a store instead.
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { changeMessageSchema, changeTouches, type LiveWatch } from '@/lib/realtime/change-message';
import { RefreshThrottle } from '@/lib/realtime/refresh-throttle';
import { INITIAL_LIVE_STATUS, LiveStatusStore, type LiveStatusSnapshot } from './live-status-store';
import { whenPageSettled } from './page-settled';

export type { LiveStatus } from './live-status-store';

interface LiveContextValue {
  statusStore: LiveStatusStore;
  /** Adds what a page shows; returns the function that removes it. */
  watch(watch: LiveWatch): () => void;
  /** Asks for a (throttled) refresh, e.g. when a clock-driven view moves to the next minute. */
  requestRefresh(): void;
}

const LiveContext = createContext<LiveContextValue | null>(null);

/** The provider's state, or null outside one (a page rendered without live updates). */
export function useLiveUpdates(): LiveContextValue | null {
  return useContext(LiveContext);
}

const serverSnapshot = () => INITIAL_LIVE_STATUS;
const detached = () => () => {};

/** The stream's connection state and last update, or null outside a provider. */
export function useLiveStatus(): LiveStatusSnapshot | null {
  const store = useLiveUpdates()?.statusStore;
  const snapshot = useSyncExternalStore(store?.subscribe ?? detached, store?.getSnapshot ?? serverSnapshot, serverSnapshot);
  return store ? snapshot : null;
}

// Reconnects after the browser gave up (an HTTP error such as 401 or 503 closes an EventSource for good).
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

export interface LiveUpdatesProviderProps {
  /** The change stream: `/api/stream` for signed-in users, `/s/<token>/stream` for a share link. */
  streamUrl?: string;
  /** Fewest milliseconds between two refreshes while changes keep coming. */
  minRefreshIntervalMs?: number;
  children: React.ReactNode;
}

export function LiveUpdatesProvider({ streamUrl = '/api/stream', minRefreshIntervalMs = 1_000, children }: LiveUpdatesProviderProps) {
  const router = useRouter();
  const [statusStore] = useState(() => new LiveStatusStore());
  const [refreshing, startTransition] = useTransition();
  const watches = useRef(new Set<LiveWatch>());
  const throttle = useRef<RefreshThrottle | null>(null);
  const streamRefresh = useRef(false);

  useEffect(() => {
    const refresher = new RefreshThrottle(() => {
      streamRefresh.current = true;
      startTransition(() => router.refresh());
    }, minRefreshIntervalMs);
    throttle.current = refresher;

    let source: EventSource | null = null;
    let lastEventId: string | null = null;
    let retryMs = RETRY_MIN_MS;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const remember = (event: MessageEvent) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
    };

    const open = () => {
      const url = new URL(streamUrl, window.location.href);
      // A new EventSource starts without Last-Event-ID: resume through the query instead.
      if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
      const es = new EventSource(url);
      source = es;
      es.addEventListener('ready', (event) => {
        remember(event);
        retryMs = RETRY_MIN_MS;
        statusStore.setStatus('connected');
      });
      es.addEventListener('change', (event) => {
        remember(event);
        const parsed = changeMessageSchema.safeParse(safeJson(event.data));
        if (!parsed.success) return;
        for (const watch of watches.current) {
          if (changeTouches(parsed.data, watch)) {
            refresher.request();
            return;
          }
        }
      });
      es.addEventListener('reset', (event) => {
        remember(event);
        refresher.request();
      });
      es.addEventListener('error', () => {
        statusStore.setStatus('reconnecting');
        // CONNECTING: the browser retries by itself (after the server's `retry:`); CLOSED: it gave up.
        if (es.readyState !== EventSource.CLOSED) return;
        es.close();
        retry = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      });
    };
    open();

    // The stream opens at once, so no change is missed, but refreshes wait until the page has arrived.
    refresher.hold('loading', true);
    const cancelSettled = whenPageSettled(() => refresher.hold('loading', false));
    const onVisibility = () => refresher.hold('hidden', document.visibilityState === 'hidden');
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      cancelSettled();
      document.removeEventListener('visibilitychange', onVisibility);
      if (retry) clearTimeout(retry);
      source?.close();
      refresher.dispose();
      throttle.current = null;
    };
  }, [streamUrl, minRefreshIntervalMs, router, statusStore]);

  useEffect(() => {
    if (!refreshing && streamRefresh.current) {
      streamRefresh.current = false;
      statusStore.markUpdated(new Date());
    }
  }, [refreshing, statusStore]);

  const watch = useCallback((w: LiveWatch) => {
    watches.current.add(w);
    return () => void watches.current.delete(w);
  }, []);
  const requestRefresh = useCallback(() => throttle.current?.request(), []);
  const value = useMemo(() => ({ statusStore, watch, requestRefresh }), [statusStore, watch, requestRefresh]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

function safeJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export interface LiveRefreshProps extends LiveWatch {
  /** Also refresh this often (ms), for views that move with the clock such as "the last 60 minutes". */
  everyMs?: number;
}

/** Refreshes the page it is mounted on when a change touches its regions, days and stores. Renders nothing. */
export function LiveRefresh({ regions, dates, stores, everyMs }: LiveRefreshProps) {
  const live = useLiveUpdates();
  // Server re-renders hand over new arrays with the same content: key the registration by content.
  const key = JSON.stringify({ regions, dates, stores });
  const register = live?.watch;
  const requestRefresh = live?.requestRefresh;
  useEffect(() => {
    if (!register) return;
    return register(JSON.parse(key) as LiveWatch);
  }, [register, key]);
  useEffect(() => {
    if (!requestRefresh || !everyMs) return;
    const timer = setInterval(requestRefresh, everyMs);
    return () => clearInterval(timer);
  }, [requestRefresh, everyMs]);
  return null;
}
