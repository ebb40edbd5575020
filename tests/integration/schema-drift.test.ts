/**
 * The migrations are exactly the Drizzle model: generating again from db/schema finds nothing to add.
 * (The migration tests prove the same migrations apply on PGlite and Postgres.)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('schema drift', () => {
  it('drizzle-kit generate finds no change between db/schema and db/migrations', () => {
    const root = process.cwd();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rw-drift-'));
    try {
      cpSync(path.join(root, 'db', 'migrations'), path.join(dir, 'migrations'), { recursive: true });
      const before = readdirSync(path.join(dir, 'migrations')).length;
      const config = path.join(dir, 'drizzle.config.ts');
      writeFileSync(config, `export default {
        dialect: 'postgresql', schema: ${JSON.stringify(path.join(root, 'db', 'schema', 'index.ts'))},
        out: ${JSON.stringify(path.relative(root, path.join(dir, 'migrations')))}, entities: { roles: true },
        schemaFilter: ['bronze', 'silver', 'gold', 'app'],
      };`);
      const output = execFileSync(path.join(root, 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--config', config], { cwd: root, encoding: 'utf8' });
      expect(output).toMatch(/No schema changes/);
      expect(readdirSync(path.join(dir, 'migrations')).length).toBe(before);
      execFileSync(path.join(root, 'node_modules', '.bin', 'drizzle-kit'), ['check', '--config', config], { cwd: root, encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
