import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and applied by scripts/migrate.ts (PGlite or Postgres alike).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  entities: { roles: true },
  schemaFilter: ['bronze', 'silver', 'gold', 'app'],
});
