// How share link dates read in the UI (UTC, like the rest of the portal's timestamps).
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export function formatShareExpiry(expiresAt: Date | null): string {
  return expiresAt ? `expires ${DATE.format(expiresAt)}` : 'never expires';
}

export function formatShareDateTime(at: Date | null): string {
  return at ? `${DATE_TIME.format(at)} UTC` : '—';
}
