// Paths served without a session (a trailing slash means "and everything below").
export const PUBLIC_PATHS = ['/login', '/no-access', '/api/auth/', '/api/health', '/api/ingest'];

/** Headers with this prefix are set only by the app itself; middleware strips them from every request. */
export const INTERNAL_HEADER_PREFIX = 'x-retailwave-';
