import type { Environment } from '../config/environment';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

let embedded: EmbeddedDatabase | undefined;

/**
 * The database the process uses: `DATABASE_URL` when set (production), otherwise the embedded PostgreSQL,
 * started once per process. Sets `DATABASE_URL` so every later reader sees the same database.
 */
export async function resolveDatabaseUrl(env: Environment, log: (message: string) => void): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (!embedded) {
    log(`DATABASE_URL is not set: starting embedded PostgreSQL in ${env.EMBEDDED_PG_DIR}`);
    embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_PG_DIR,
      port: env.EMBEDDED_PG_PORT,
      database: 'tms',
      log,
    });
  }
  env.DATABASE_URL = embedded.url;
  process.env.DATABASE_URL = embedded.url;
  return embedded.url;
}

export async function stopEmbeddedPostgres(): Promise<void> {
  await embedded?.stop();
  embedded = undefined;
}
