// Runs once before the unit and integration suites: the migrated template databases they copy.
import { buildTemplateDatabases } from './helpers/template-databases';

export default async function globalSetup(): Promise<void> {
  await buildTemplateDatabases();
}
