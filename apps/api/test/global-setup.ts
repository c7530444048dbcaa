import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { databaseUrlFor, TEST_RUN_ID_VARIABLE } from './test-database';

/**
 * Once per test run: a template database migrated to the latest schema. Every test file clones it into a
 * database of its own, so runs and files never collide.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'DATABASE_URL is not set: run the tests with `npm test` (it starts an embedded PostgreSQL)',
    );
  }
  // Several Jest projects share this setup; the first one to run prepares the template for all.
  if (process.env[TEST_RUN_ID_VARIABLE]) return;
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  process.env[TEST_RUN_ID_VARIABLE] = runId;
  process.env.TMS_TEST_SERVER_URL = serverUrl;
  const template = `tms_test_${runId}_tpl`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const dataSource = new DataSource({
    ...typeOrmOptions(databaseUrlFor(serverUrl, template)),
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}
