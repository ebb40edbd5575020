// During the demo bulk load, the indexes of the big tables are dropped and built once at the end: a
// sorted build is several times cheaper than millions of scattered index insertions. The definitions
// are read from the catalog inside the seeding transaction, so a failed or killed seed rolls back to
// the original indexes and constraints, and a rebuild can never drift from the migrations.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

export interface SuspendedIndexes {
  /** Rebuilds every index and constraint that was dropped. */
  restore(): Promise<void>;
}

interface IndexRow {
  index_name: string;
  constraint_name: string | null;
  definition: string;
  is_primary: boolean;
}

/**
 * Drops the indexes (and the primary key and unique constraints they back) of `schema.table`, except
 * those a foreign key depends on and, with `keepPrimaryKey`, the primary key (an ON CONFLICT target).
 */
export async function suspendIndexes(
  db: Database, schema: string, table: string, options: { keepPrimaryKey?: boolean } = {},
): Promise<SuspendedIndexes> {
  const target = sql`${sql.identifier(schema)}.${sql.identifier(table)}`;
  const rows = await queryRows<IndexRow>(db, sql`
    select ic.relname as index_name, c.conname as constraint_name, i.indisprimary as is_primary,
      case when c.conname is null then pg_get_indexdef(i.indexrelid) else pg_get_constraintdef(c.oid) end as definition
    from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p', 'u')
    where n.nspname = ${schema} and t.relname = ${table}
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.indexrelid)
    order by ic.relname`);
  const dropped = rows.filter((r) => !(options.keepPrimaryKey && r.is_primary));
  for (const row of dropped) {
    if (row.constraint_name) await db.execute(sql`alter table ${target} drop constraint ${sql.identifier(row.constraint_name)}`);
    else await db.execute(sql`drop index ${sql.identifier(schema)}.${sql.identifier(row.index_name)}`);
  }
  return {
    async restore() {
      for (const row of dropped) {
        // Definitions as Postgres itself printed them a moment ago (pg_get_indexdef / pg_get_constraintdef).
        if (row.constraint_name) {
          await db.execute(sql`alter table ${target} add constraint ${sql.identifier(row.constraint_name)} ${sql.raw(row.definition)}`);
        } else {
          await db.execute(sql.raw(row.definition));
        }
      }
    },
  };
}
