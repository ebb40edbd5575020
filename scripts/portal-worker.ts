// One server process of `npm start` / `npm run serve` (forked by lib/cli/serve-cluster.ts): serves the
// built portal on PORT.
import { servePortal } from '@/lib/cli/portal-server';
import { env } from '@/lib/env';

// Named so operators (and the cluster's browser test) can tell the server processes apart from tsx and npm.
process.title = 'retailwave-server';
servePortal({ port: env().PORT }).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
