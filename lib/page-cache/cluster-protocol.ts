// The messages between a server process and the primary that holds the shared page store (the cluster
// is set to 'advanced' IPC serialization, so a page's body travels as bytes). Both ends parse what
// they receive.
import { z } from 'zod';

/** Set by the primary in its workers' environment when it holds their pages. */
export const CLUSTER_PAGES_ENV = 'RW_CLUSTER_PAGE_CACHE';

const pageSchema = z.object({
  status: z.number().int(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes'),
  storedAt: z.number(),
});

export const pageRequestSchema = z.discriminatedUnion('op', [
  z.object({ type: z.literal('rw:page'), id: z.number().int().nonnegative(), op: z.literal('get'), key: z.string().max(200) }),
  z.object({ type: z.literal('rw:page'), id: z.number().int().nonnegative(), op: z.literal('put'), key: z.string().max(200), page: pageSchema, renderStartedAt: z.number() }),
  z.object({ type: z.literal('rw:page'), id: z.number().int().nonnegative(), op: z.literal('fail'), key: z.string().max(200) }),
]);

export const pageReplySchema = z.object({
  type: z.literal('rw:page-reply'),
  id: z.number().int().nonnegative(),
  page: pageSchema.nullable(),
});

export type PageRequest = z.infer<typeof pageRequestSchema>;
export type PageReply = z.infer<typeof pageReplySchema>;
export type WirePage = z.infer<typeof pageSchema>;
