import 'reflect-metadata';
import { DEFAULT_SEED, DEMO_SCALES, type DemoScale } from '@tms/demo-data';
import { DataSource } from 'typeorm';
import { EnvironmentError, validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';
import { typeOrmOptions } from '../database/typeorm-options';
import { isDemoScale, seedDemoData } from '../modules/imports/demo-seed';

const USAGE = `usage: pnpm seed --scale ${DEMO_SCALES.join('|')} [--seed N]`;

export function parseSeedArgs(argv: readonly string[]): { scale: DemoScale; seed: number } {
  let scale: DemoScale = 'town';
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--scale' && value !== undefined && isDemoScale(value)) scale = value;
    else if (flag === '--seed' && value !== undefined && Number.isSafeInteger(Number(value)))
      seed = Number(value);
    else throw new Error(`bad argument '${flag}${value === undefined ? '' : ` ${value}`}'\n${USAGE}`);
    i++;
  }
  return { scale, seed };
}

/** `pnpm seed`: migrates the database (DATABASE_URL, or the embedded default) and loads the demo data. */
async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const env = validateEnvironment(process.env);
  const url = await resolveDatabaseUrl(env, (message) => console.log(message));
  try {
    if (env.RUN_MIGRATIONS) {
      const dataSource = new DataSource(typeOrmOptions(url));
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.destroy();
    }
    await seedDemoData(url, { ...args, log: (message) => console.log(message) });
  } finally {
    await stopEmbeddedPostgres();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof EnvironmentError ? error.message : error);
    process.exit(1);
  });
}
