import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, createApp } from '../bootstrap';
import { validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';

/**
 * Writes the committed contracts: `apps/api/openapi.json` (REST) and `apps/api/schema.gql` (GraphQL, written
 * by the GraphQL module when it starts in development mode). CI regenerates both and fails on a difference.
 */
async function main(): Promise<void> {
  const env = validateEnvironment({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' });
  await resolveDatabaseUrl(env, (message) => console.log(message));
  const app = await createApp(env, { bufferLogs: false });
  await app.init();
  const document = buildOpenApiDocument(app);
  writeFileSync(join(__dirname, '..', '..', 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  await stopEmbeddedPostgres();
  console.log('Wrote apps/api/openapi.json and apps/api/schema.gql');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
