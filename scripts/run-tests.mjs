// `npm test`: installs, builds, and runs every test project. With no DATABASE_URL it starts an embedded
// PostgreSQL for the run; with no REDIS_URL the tests that need Redis are skipped and say so.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installAndBuild, ROOT } from './lib.mjs';
import { requireSupportedNode } from './node-version.mjs';

requireSupportedNode(join(ROOT, 'package.json'));

installAndBuild();

let embedded;
if (!process.env.DATABASE_URL) {
  const { startEmbeddedPostgres } = await import(
    pathToFileURL(join(ROOT, 'apps/api/dist/database/embedded-postgres.js')).href
  );
  console.log('• DATABASE_URL is not set: starting embedded PostgreSQL for the tests');
  embedded = await startEmbeddedPostgres({
    dataDir: join(ROOT, '.data/test-postgres'),
    port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339),
    database: 'tms_tests',
  });
  process.env.DATABASE_URL = embedded.url;
}
if (!process.env.REDIS_URL) {
  console.log('• REDIS_URL is not set: tests that need Redis will be SKIPPED (BullMQ runs on PostgreSQL)');
}

const jest = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', ...process.argv.slice(2)],
  { cwd: ROOT, stdio: 'inherit', env: process.env },
);
if (embedded) await embedded.stop();
process.exit(jest.status ?? 1);
