// Which failures mean "the database is not there right now" rather than "this request is wrong": the
// server cannot reach it (refused, timed out, closed), Postgres is shutting down or starting, or a
// transaction lost a deadlock or serialization race that a retry wins. The same request may succeed in a
// moment, so callers are told 503 and when to retry, never a 500.

// postgres.js connection errors (error.code) and Node socket errors.
const CONNECTION_CODES = new Set([
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN',
]);
// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: terminated, shutting down,
// starting up), and the two races a retry resolves: deadlock_detected and serialization_failure.
const TRANSIENT_SQLSTATE = /^(08...|57P0[1-5]|40P01|40001)$/;
// PGlite after close(): it throws plain errors.
const PGLITE_CLOSED = /^PGlite is clos(ed|ing)$/;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

// Duck-typed, not `instanceof Error`: socket errors may come from another realm (a VM context, a worker).
const asErrorLike = (value: unknown): ErrorLike | undefined =>
  typeof value === 'object' && value !== null ? (value as ErrorLike) : undefined;

/** The error and those it wraps (Drizzle wraps the driver's as `cause`), outermost first. */
function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let e = asErrorLike(error); e && chain.length < 5; e = asErrorLike(e.cause)) chain.push(e);
  return chain;
}

/** Whether the error, or any error it wraps, means the database is unavailable for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chainOf(error).some(({ code, message }) =>
    (typeof code === 'string' && (CONNECTION_CODES.has(code) || TRANSIENT_SQLSTATE.test(code))) ||
    (typeof message === 'string' && PGLITE_CLOSED.test(message)));
}

/** The innermost message of a wrapped error: the database's own words, not Drizzle's "Failed query: …". */
export function rootMessage(error: unknown): string {
  const chain = chainOf(error);
  const message = chain.length > 0 ? chain[chain.length - 1].message : undefined;
  return typeof message === 'string' ? message : String(error);
}

/** Whether Postgres cancelled the statement (query_canceled: its statement_timeout, or an operator's cancel). */
export function isQueryCanceled(error: unknown): boolean {
  return chainOf(error).some(({ code }) => code === '57014');
}
