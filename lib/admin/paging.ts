// Paging and text search shared by the admin listings.

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const pageCount = (p: Pick<Page<unknown>, 'total' | 'pageSize'>) => Math.max(1, Math.ceil(p.total / p.pageSize));

/** The page to show for the one asked for: a page past the last (a stale link, a hand-edited URL) is the last. */
export const pageWithin = (page: number, total: number, pageSize: number) => Math.min(page, pageCount({ total, pageSize }));

/** An ILIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
