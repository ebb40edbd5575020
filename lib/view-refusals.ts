// Why a dashboard view was refused, in words for the person looking at it: the API answers these messages,
// and a tile shows them. Next.js sends a server component's error to the browser without its message in
// production but with its `digest`, keeping one the error already carries; so these errors carry their
// code there, and the tile reads it back (components/ui/tile-error-boundary.tsx).
export const VIEW_REFUSALS = {
  view_too_broad: 'This view reads too much data to answer in time. Narrow the date range or the filters.',
  busy: 'Many views are loading right now. Try again in a few seconds.',
} as const;

export type ViewRefusalCode = keyof typeof VIEW_REFUSALS;

const DIGEST_PREFIX = 'retailwave-refusal:';

export function viewRefusalDigest(code: ViewRefusalCode): string {
  return `${DIGEST_PREFIX}${code}`;
}

/** The words for an error that reached the browser, when it is one of these refusals. */
export function viewRefusalMessage(error: unknown): string | undefined {
  const digest = typeof error === 'object' && error !== null ? (error as { digest?: unknown }).digest : undefined;
  if (typeof digest !== 'string' || !digest.startsWith(DIGEST_PREFIX)) return undefined;
  const code = digest.slice(DIGEST_PREFIX.length);
  return Object.hasOwn(VIEW_REFUSALS, code) ? VIEW_REFUSALS[code as ViewRefusalCode] : undefined;
}
