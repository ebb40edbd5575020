// Postgres text and jsonb cannot hold NUL, nor a UTF-16 surrogate without its pair (it has no UTF-8 form).
// Such text is refused as data and kept only in an escaped form (\u0000, \ud800), so nothing is lost.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function isStorableText(text: string): boolean {
  return !new RegExp(UNSTORABLE.source).test(text);
}

/** The text with each unstorable character written as its JSON escape. */
export function escapeUnstorable(text: string): string {
  return text.replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
