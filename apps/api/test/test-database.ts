import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEST_RUN_ID_VARIABLE = 'TMS_TEST_RUN_ID';

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database for one test file, cloned from the run's migrated template. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TMS_TEST_SERVER_URL;
  const runId = process.env[TEST_RUN_ID_VARIABLE];
  if (!serverUrl || !runId) throw new Error('The API tests need the global setup: run them through jest');
  const name = `tms_test_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "tms_test_${runId}_tpl"`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(serverUrl, name),
    name,
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
