// One error type for everything the app refuses on purpose, and one translator to HTTP. Unknown errors
// are logged with detail server-side and answered generically, so no internal message (or data) leaks.
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from './database-errors';
import { VIEW_REFUSALS, viewRefusalDigest, type ViewRefusalCode } from './view-refusals';

export class AppError extends Error {
  /** Only on refusals a page explains in words (view-refusals.ts): what Next.js lets reach the browser. */
  digest?: string;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Headers the response must carry, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthorized = (message = 'Sign in to continue.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(403, 'forbidden', message);
export const passwordChangeRequired = () =>
  new AppError(403, 'password_change_required', 'Your password was set by an administrator: choose a new one at /account/password to continue.');
export const forbiddenRegion = (message: string) => new AppError(403, 'forbidden_region', message);
export const forbiddenOrigin = () => new AppError(403, 'forbidden_origin', 'This request came from another site and was refused.');
export const unsupportedMediaType = () => new AppError(415, 'unsupported_media_type', 'Send the request body as application/json.');
export const badRequest = (message: string, code = 'invalid_request') => new AppError(400, code, message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', message, { 'Retry-After': String(retryAfterSeconds) });

/** Seconds a client waits before retrying when the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

export const unavailable = (message = 'The database is unavailable; retry shortly.') =>
  new AppError(503, 'unavailable', message, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) });

function viewRefusal(code: ViewRefusalCode, headers?: Record<string, string>): AppError {
  const error = new AppError(503, code, VIEW_REFUSALS[code], headers);
  error.digest = viewRefusalDigest(code);
  return error;
}

/** A dashboard read ran past its statement timeout: asking again for the same view would too. */
export const viewTooBroad = () => viewRefusal('view_too_broad');

/** Seconds a client waits before asking again when every dashboard read slot stayed busy. */
const BUSY_RETRY_AFTER_S = 5;

/** A dashboard read waited for a slot longer than the queue allows. */
export const busy = () => viewRefusal('busy', { 'Retry-After': String(BUSY_RETRY_AFTER_S) });

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Human-readable summary of a zod error: "from: expected YYYY-MM-DD; pageSize: too big". */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (isDatabaseUnavailable(error)) return errorBody(unavailable());
  if (error instanceof AppError) return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  if (error instanceof ZodError) {
    return { status: 400, body: { error: { code: 'invalid_request', message: describeZodError(error) } } };
  }
  console.error('[retailwave] unexpected error', error);
  return { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } } };
}

export function errorResponse(error: unknown, headers?: Record<string, string>): Response {
  const known = isDatabaseUnavailable(error) ? unavailable() : error;
  const { status, body } = errorBody(known);
  const own = known instanceof AppError ? known.headers : undefined;
  return Response.json(body, { status, headers: own || headers ? { ...own, ...headers } : undefined });
}
