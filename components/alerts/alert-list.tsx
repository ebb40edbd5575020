// The body of an alert panel: a fixed-height list that scrolls inside its card, so a long list does not
// stretch the page and the panel's skeleton can be exactly as tall as the panel (no layout shift).
import type { ReactNode } from 'react';

/** The whole panel: card padding and title (64 px), the list (22rem) and the border. */
export const ALERT_PANEL_HEIGHT = 418;

/** Scrolls by keyboard too: a scrolling region must be focusable to be reachable without a mouse. */
export function AlertList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0}
      className="h-[22rem] overflow-y-auto rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
      {children}
    </div>
  );
}
