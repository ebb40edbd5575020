// The portal's own database: opened once per process from the settings (DATABASE_URL or DATA_DIR, the
// server's statement timeout, the dashboard read bounds) and installed as the handle getDatabase() gives.
import {
  configuredTarget, getDatabaseHandle, hasDatabaseHandle, installDatabaseHandle, openDatabase, SERVER_STATEMENT_TIMEOUT_MS,
  type DatabaseHandle,
} from '@/db/client';
import { env } from '@/lib/env';

/** Opens and installs the app's database, or answers the one already installed (a dev reload, a second caller). */
export function openAppDatabase(): Promise<DatabaseHandle> {
  if (!hasDatabaseHandle()) {
    const settings = env();
    installDatabaseHandle(
      openDatabase(configuredTarget(settings), {
        statementTimeoutMs: SERVER_STATEMENT_TIMEOUT_MS,
        scopedReads: {
          slots: settings.DASHBOARD_READ_SLOTS,
          statementTimeoutMs: settings.DASHBOARD_STATEMENT_TIMEOUT_MS,
          queueTimeoutMs: settings.DASHBOARD_QUEUE_TIMEOUT_MS,
        },
      }),
    );
  }
  return getDatabaseHandle();
}
