'use client';

// Client side of the URL state: read the current state and navigate to a changed one. Every change goes
// through serializeDashboardState, so links stay canonical and the back button walks through views.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useTransition } from 'react';
import { parseDashboardState, serializeDashboardState, type DashboardState, EMPTY_STATE } from '@/lib/filters/dashboard-state';

/**
 * `shown` is the state the server rendered, when the caller has it: a shared link clipped to the viewer's
 * regions (lib/auth/clip-to-scope.ts) differs from its URL, and chips and changes must start from
 * what is shown, never from the regions and stores that were removed.
 */
export function useDashboardUrl(shown?: DashboardState) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const fromUrl = useMemo<DashboardState>(() => {
    try {
      return parseDashboardState(new URLSearchParams(params.toString()));
    } catch {
      return EMPTY_STATE;
    }
  }, [params]);
  const state = shown ?? fromUrl;

  const hrefFor = useCallback((next: DashboardState) => {
    const query = serializeDashboardState(next);
    return query ? `${pathname}?${query}` : pathname;
  }, [pathname]);

  const navigate = useCallback(
    (change: (current: DashboardState) => DashboardState) => {
      // Any change of what is shown starts the detail table again at page 1.
      const next = { ...change(state), page: 1 };
      startTransition(() => router.push(hrefFor(next), { scroll: false }));
    },
    [state, router, hrefFor],
  );

  return { state, navigate, hrefFor, pending };
}
