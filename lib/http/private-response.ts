// Answers built from a caller's scope are for that caller alone: no proxy, CDN or browser cache may keep
// them (a shared cache would hand one user's regions to the next). A handler that already said how its
// answer may be cached (the SSE streams' no-cache, no-transform) keeps its own word.
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

export function privateResponse(response: Response): Response {
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
  return response;
}
