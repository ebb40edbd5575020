// Starts the one server of the browser-test run and tells the tests where it is (they run in this process).
import { E2E_DEMO_PASSWORD, E2E_INGEST_KEY, startServer, type RunningServer } from './helpers/server';

export default async function globalSetup(): Promise<void> {
  const server = await startServer();
  (globalThis as { __e2eServer?: RunningServer }).__e2eServer = server;
  process.env.E2E_BASE_URL = server.baseUrl;
  process.env.E2E_DEMO_PASSWORD = E2E_DEMO_PASSWORD;
  process.env.E2E_INGEST_KEY = E2E_INGEST_KEY;
}
