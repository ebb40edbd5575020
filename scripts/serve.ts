// npm run serve – serves an existing build, without migrating, seeding or building: WEB_CONCURRENCY
// `next start` processes (default one per CPU on Postgres) on PORT. `npm start` does the same after preparing.
import { serveCluster, serverProcessCount } from '@/lib/cli/serve-cluster';
import { env } from '@/lib/env';

async function main() {
  const settings = env();
  const processes = serverProcessCount(settings);
  console.log(`Serving on port ${settings.PORT} with ${processes} server process${processes === 1 ? '' : 'es'}.`);
  process.exit(await serveCluster({ port: settings.PORT, processes, env: process.env }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
