import { Client } from 'pg';
import { TEST_RUN_ID_VARIABLE } from './test-database';

/** Drops every database this run created (the template and one per test file). */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TMS_TEST_SERVER_URL;
  const runId = process.env[TEST_RUN_ID_VARIABLE];
  if (!serverUrl || !runId) return;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`tms_test_${runId}_%`],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
