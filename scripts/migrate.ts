// npm run db:migrate – applies db/migrations to the configured database (DATABASE_URL, or PGlite under DATA_DIR).
import { openConfiguredDatabase } from '@/lib/cli/open-database';

async function main() {
  const started = Date.now();
  const handle = await openConfiguredDatabase({ migrate: false });
  console.log(`Migrating the ${handle.engine === 'pglite' ? 'embedded' : 'Postgres'} database…`);
  await handle.migrate();
  await handle.close();
  console.log(`Migrations applied in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
