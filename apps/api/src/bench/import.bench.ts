import 'reflect-metadata';
import {
  DEFAULT_SEED,
  DEMO_SCALES,
  generateWorld,
  orderLinesCsvBuffers,
  retailersCsv,
  type DemoScale,
} from '@tms/demo-data';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';
import { ensureDatabase } from '../database/embedded-postgres';
import { typeOrmOptions } from '../database/typeorm-options';
import { runBulkImport } from '../modules/imports/bulk/bulk-import';
import type { BulkKind } from '../modules/imports/bulk/bulk-kind';
import { seedReferenceData } from '../modules/imports/demo/reference-seed';
import { orderLineKind } from '../modules/imports/order-lines/order-line-kind';
import { retailerKind } from '../modules/imports/retailers/retailer-kind';

/**
 * `pnpm bench:import [--scale city|town|small] [--seed N] [--keep]`: writes the demo order-line CSV to a
 * temporary file, loads it through the import path into a fresh database (reference data and retailers
 * first, not timed), then `psql \copy`s the same file into a fresh table of the same shape (the file's
 * columns, order_line's primary key and index) in the same database, and prints both and the ratio.
 */
interface Args {
  scale: DemoScale;
  seed: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scale: 'city', seed: DEFAULT_SEED, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--keep') args.keep = true;
    else if (flag === '--scale' && (DEMO_SCALES as readonly string[]).includes(value)) {
      args.scale = value as DemoScale;
      i++;
    } else if (flag === '--seed' && Number.isSafeInteger(Number(value))) {
      args.seed = Number(value);
      i++;
    } else throw new Error(`usage: pnpm bench:import [--scale ${DEMO_SCALES.join('|')}] [--seed N] [--keep]`);
  }
  return args;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSecond = (rows: number, ms: number): number => Math.round(rows / (ms / 1000));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = validateEnvironment(process.env);
  const serverUrl = await resolveDatabaseUrl(env, (message) => console.log(message));
  const world = generateWorld(args.scale, args.seed);
  const file = join(tmpdir(), `tms-bench-order-lines-${args.scale}-${args.seed}.csv`);
  let started = Date.now();
  await pipeline(Readable.from(orderLinesCsvBuffers(world)), createWriteStream(file));
  const fileBytes = statSync(file).size;
  console.log(`order-line CSV: ${file}, ${mb(fileBytes)} (written in ${(Date.now() - started) / 1000} s)`);

  const database = `tms_bench_${Date.now().toString(36)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  await ensureDatabase(serverUrl, database);
  const client = new Client({ connectionString: databaseUrl, application_name: 'tms-bench' });
  try {
    const dataSource = new DataSource(typeOrmOptions(databaseUrl));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    await client.connect();
    await seedReferenceData(client, world);
    await runBulkImport(client, retailerKind, {
      openSource: () => Readable.from([retailersCsv(world)]),
      dryRun: false,
    });

    await client.query('CHECKPOINT');
    let monthlyMs = 0;
    const timedKind: BulkKind = {
      ...orderLineKind,
      afterWrite: async (c) => {
        const start = Date.now();
        await orderLineKind.afterWrite!(c);
        monthlyMs = Date.now() - start;
      },
    };
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    started = Date.now();
    const result = await runBulkImport(client, timedKind, {
      openSource: () => createReadStream(file, { highWaterMark: 1024 * 1024 }),
      dryRun: false,
    });
    const oursMs = Date.now() - started;
    clearInterval(sampler);
    if (result.state !== 'succeeded')
      throw new Error(`import rejected: ${JSON.stringify(result.errorSample[0])}`);
    const [{ monthly }] = (await client.query(`SELECT count(*)::int AS monthly FROM monthly_sales`)).rows;

    await client.query(
      `CREATE TABLE bench_copy (licence_no varchar(32) NOT NULL, brand_code varchar(32) NOT NULL,
         order_date date NOT NULL, cartons int NOT NULL, amount numeric(12,2) NOT NULL,
         PRIMARY KEY (licence_no, order_date, brand_code))`,
    );
    await client.query(`CREATE INDEX bench_copy_brand_date_idx ON bench_copy (brand_code, order_date)`);
    await client.query('CHECKPOINT');
    started = Date.now();
    await psql(databaseUrl, `\\copy bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const psqlMs = Date.now() - started;

    const rows = result.rowsRead;
    const ours = perSecond(rows, oursMs);
    const theirs = perSecond(rows, psqlMs);
    console.log(`\nscale ${args.scale} (seed ${args.seed}): ${rows} order lines, ${mb(fileBytes)} CSV`);
    console.log(
      `  import path : ${(oursMs / 1000).toFixed(1)} s, ${ours} lines/s, ${mb(fileBytes / (oursMs / 1000))}/s` +
        ` (monthly_sales rebuild of ${monthly} rows: ${(monthlyMs / 1000).toFixed(1)} s of it)`,
    );
    console.log(`  psql \\copy  : ${(psqlMs / 1000).toFixed(1)} s, ${theirs} lines/s`);
    console.log(`  ratio       : ${(ours / theirs).toFixed(2)} of psql \\copy`);
    console.log(
      `  memory      : peak RSS during the import ${mb(peakRss)}; process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} (includes generating the data)`,
    );
  } finally {
    await client.end().catch(() => undefined);
    if (!args.keep) {
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
      await rm(file, { force: true });
    } else console.log(`kept database ${database} and ${file}`);
    await stopEmbeddedPostgres();
  }
}

function psql(databaseUrl: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [databaseUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', command], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) =>
      reject(new Error(`psql could not run (is it installed?): ${error.message}`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
