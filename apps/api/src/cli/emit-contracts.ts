import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildOpenApiDocument, createApp } from '../bootstrap';
import { validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';

/**
 * Writes the committed contracts: `apps/api/openapi.json` (REST) and `apps/api/schema.gql` (GraphQL, written
 * by the GraphQL module when it starts in development mode). CI regenerates both and fails on a difference.
 */
async function main(): Promise<void> {
  const env = validateEnvironment({
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    FORECAST_SCHEDULE_ENABLED: 'false',
  });
  const serverUrl = await resolveDatabaseUrl(env, (message) => console.log(message));
  // A scratch database: building the app runs the migrations, which must not touch anybody's data.
  const scratch = `tms_contracts_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${scratch}`;
    env.DATABASE_URL = url.toString();
    const app = await createApp(env, { bufferLogs: false });
    await app.init();
    const document = buildOpenApiDocument(app);
    writeFileSync(join(__dirname, '..', '..', 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
    await app.close();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
    await stopEmbeddedPostgres();
  }
  console.log('Wrote apps/api/openapi.json and apps/api/schema.gql');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
