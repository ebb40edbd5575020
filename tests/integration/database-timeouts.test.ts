/**
 * db/client.ts bounds how long the server waits on Postgres: the server's own handle cancels a statement
 * that runs too long, while scripts (seed, migrations, bulk ETL) open theirs without that limit. (A refused
 * connection answers ingest 503 at once: tests/integration/ingest-door.test.ts.)
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const describePostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describePostgres('database timeouts on postgres', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(() => db.destroy());

  it('cancels a statement past the handle’s statement timeout, and only on a handle that sets one', async () => {
    const bounded: DatabaseHandle = await openDatabase({ url: db.url! }, { statementTimeoutMs: 200 });
    try {
      await expect(bounded.db.execute(sql`select pg_sleep(1)`)).rejects.toMatchObject({ cause: { code: '57014' } });
      await expect(db.db.execute(sql`select pg_sleep(0.3)`)).resolves.toBeDefined();
    } finally {
      await bounded.close();
    }
  });
});
