// The portal marks the embedded database folder as taken while it runs (see instrumentation.ts).
import { rmSync, writeFileSync } from 'node:fs';

export const serverLockPath = (dataDir: string) => `${dataDir}.server.pid`;

export function holdServerLock(dataDir: string): void {
  const lock = serverLockPath(dataDir);
  writeFileSync(lock, String(process.pid));
  const release = () => rmSync(lock, { force: true });
  process.once('exit', release);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      release();
      process.exit(0);
    });
  }
}
