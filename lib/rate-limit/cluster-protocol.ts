// The messages between a worker of `npm start` and the primary process that keeps the rate-limit counters
// when several workers run without Upstash (cluster-limiter.ts asks, cluster-host.ts answers). Both ends
// parse what they receive: an IPC message is a boundary like any other.
import { z } from 'zod';

/** Set by the primary in its workers' environment when it hosts the counters. */
export const CLUSTER_LIMITS_ENV = 'RW_CLUSTER_RATE_LIMITS';

export const limitRequestSchema = z.object({
  type: z.literal('rw:rate-limit'),
  id: z.number().int().nonnegative(),
  op: z.enum(['take', 'check', 'record', 'reset']),
  rule: z.object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    limit: z.number().int().positive(),
    windowMs: z.number().int().positive(),
  }),
  key: z.string().max(1024),
});

const checkSchema = z.object({ allowed: z.boolean(), remaining: z.number(), retryAfter: z.number() });

export const limitReplySchema = z.object({
  type: z.literal('rw:rate-limit-reply'),
  id: z.number().int().nonnegative(),
  result: z.union([checkSchema, z.null()]),
  error: z.string().optional(),
});

export type LimitRequest = z.infer<typeof limitRequestSchema>;
export type LimitReply = z.infer<typeof limitReplySchema>;
