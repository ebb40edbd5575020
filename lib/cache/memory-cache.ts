// The in-process adapter: a least-recently-used map bounded by an approximate byte budget (the UTF-8
// length of key and JSON text plus a fixed overhead per entry). Used when Upstash is not configured;
// each server process then has its own cache, which data versions keep correct (see data-versions.ts).
import type { Cache } from './cache';

export const DEFAULT_MEMORY_CACHE_BYTES = 64 * 1024 * 1024;
/** Map entry, timestamps and string headers: a rough constant, so that tiny entries still count. */
const ENTRY_OVERHEAD_BYTES = 96;

interface Entry {
  json: string;
  bytes: number;
  expiresAt: number;
}

export class MemoryCache implements Cache {
  readonly backend = 'memory' as const;
  // A Map iterates in insertion order: re-inserting on every read keeps the least recently used first.
  private readonly entries = new Map<string, Entry>();
  private used = 0;

  constructor(
    readonly maxBytes = DEFAULT_MEMORY_CACHE_BYTES,
    private readonly now: () => number = Date.now,
  ) {}

  /** Approximate bytes held now. */
  get usedBytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.used -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.json;
  }

  async set(key: string, json: string, ttlSeconds: number): Promise<void> {
    this.remove(key);
    const bytes = Buffer.byteLength(key) + Buffer.byteLength(json) + ENTRY_OVERHEAD_BYTES;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { json, bytes, expiresAt: this.now() + ttlSeconds * 1000 });
    this.used += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.used <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  async ping(): Promise<void> {}

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }
}
