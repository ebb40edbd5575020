// Settings, read once from the environment and validated, so a bad value fails at start
// with a message naming the variable instead of surfacing later as a confusing error.
import { z } from 'zod';
import { isProxyEntry } from '@/lib/http/trusted-proxies';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
/** A whole number within bounds, or unset (''): its default is worked out where it is used, not repeated here. */
const optionalInt = (min: number, max: number) => z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: optionalUrl,
    DATA_DIR: z.string().min(1).default('.data'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Server processes of `npm start` (unset: one per CPU on Postgres, one on the embedded database).
    WEB_CONCURRENCY: optionalInt(1, 64),
    // The portal's public URL (next-auth's setting): writes from a browser must name this origin, or the
    // one the request arrived at (lib/http/write-guard.ts); https makes the session cookie Secure (__Secure-).
    NEXTAUTH_URL: optionalUrl,
    AUTH_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'must be at least 32 characters').optional()),
    UPSTASH_REDIS_REST_URL: optionalUrl,
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    INGEST_API_KEYS: z
      .string()
      .default('')
      .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => k.length >= 16), 'every key must be at least 16 characters'),
    DEMO_PASSWORD: optionalString,
    // On a database holding the demo dataset, the portal keeps selling: the demo's sales up to now, then a
    // gentle live stream (lib/seed/live-demo.ts). On unless 0 (false, off, no); never on for other data.
    DEMO_LIVE: z.preprocess((v) => (v === '' ? undefined : v), z.stringbool().default(true)),
    // Proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed; unset: none.
    TRUST_PROXY: z
      .string()
      .default('')
      .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
      .refine((entries) => entries.every(isProxyEntry), 'every entry must be an IP address or a CIDR range such as 10.0.0.0/8'),
    REPORTING_TIME_ZONE: z
      .string()
      .default('UTC')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as UTC or Europe/Berlin'),
    // Dashboard reads per server process: how many run at once (Postgres: their own pool of that many
    // connections; the embedded database has one), how long one statement may run, how long one may wait.
    DASHBOARD_READ_SLOTS: optionalInt(1, 100),
    DASHBOARD_STATEMENT_TIMEOUT_MS: optionalInt(100, 600_000),
    DASHBOARD_QUEUE_TIMEOUT_MS: optionalInt(100, 600_000),
    TEST_DATABASE_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    BENCH_DATABASE_URL: optionalUrl,
  })
  .refine((e) => Boolean(e.UPSTASH_REDIS_REST_URL) === Boolean(e.UPSTASH_REDIS_REST_TOKEN), {
    message: 'set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither',
    path: ['UPSTASH_REDIS_REST_TOKEN'],
  })
  // PGlite lives inside one process: a second one could not open its folder.
  .refine((e) => e.DATABASE_URL !== undefined || (e.WEB_CONCURRENCY ?? 1) === 1, {
    message: 'the embedded database serves one process; set DATABASE_URL to run several',
    path: ['WEB_CONCURRENCY'],
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses a set of variables; throws an EnvError whose message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new EnvError(`Invalid environment settings:\n${lines.join('\n')}\nSee .env.example for every setting.`);
}

let cached: Env | undefined;

/** The process's settings, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
