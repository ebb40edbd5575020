import { stopServer, type RunningServer } from './helpers/server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __e2eServer?: RunningServer }).__e2eServer;
  if (server) await stopServer(server);
}
