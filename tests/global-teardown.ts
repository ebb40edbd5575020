import { dropTemplateDatabases } from './helpers/template-databases';

export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabases();
}
