import type { INestApplication } from '@nestjs/common';
import {
  DEFAULT_SEED,
  DEMO_SCALES,
  generateWorld,
  orderLinesCsvBuffers,
  retailersCsv,
  type DemoScale,
} from '@tms/demo-data';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { runBulkImport, type BulkImportResult } from './bulk/bulk-import';
import type { BulkKind } from './bulk/bulk-kind';
import { seedReferenceData } from './demo/reference-seed';
import { orderLineKind } from './order-lines/order-line-kind';
import { retailerKind } from './retailers/retailer-kind';

export interface DemoSeedOptions {
  scale: DemoScale;
  seed?: number;
  log?: (message: string) => void;
}

export interface DemoSeedCounts {
  districts: number;
  manufacturers: number;
  brands: number;
  accountManagers: number;
  retailers: BulkImportResult;
  orderLines: BulkImportResult;
}

export function isDemoScale(value: string): value is DemoScale {
  return (DEMO_SCALES as readonly string[]).includes(value);
}

/**
 * Loads a demo data set: reference data in bulk, then retailers and order lines through the import's own
 * bulk path, fed by the generator's CSV chunks (no temporary files). Running it twice changes nothing.
 */
export async function seedDemoData(databaseUrl: string, options: DemoSeedOptions): Promise<DemoSeedCounts> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const started = Date.now();
  const world = generateWorld(options.scale, seed);
  const client = new Client({ connectionString: databaseUrl, application_name: 'tms-seed' });
  await client.connect();
  try {
    await seedReferenceData(client, world);
    const { counts } = world;
    log(
      `demo data (${options.scale}, seed ${seed}): ${counts.districts} districts, ${counts.manufacturers} manufacturers, ` +
        `${counts.brands} brands, ${counts.accountManagers} account managers (${seconds(started)})`,
    );
    const retailers = await load(client, retailerKind, () => Readable.from([retailersCsv(world)]));
    log(`  retailers   ${describe(retailers)} (${seconds(started)})`);
    const linesStarted = Date.now();
    const orderLines = await load(client, orderLineKind, () => Readable.from(orderLinesCsvBuffers(world)));
    const rate = Math.round(orderLines.rowsRead / ((Date.now() - linesStarted) / 1000));
    log(`  order lines ${describe(orderLines)}, ${rate} lines/s (${seconds(started)})`);
    return {
      districts: counts.districts,
      manufacturers: counts.manufacturers,
      brands: counts.brands,
      accountManagers: counts.accountManagers,
      retailers,
      orderLines,
    };
  } finally {
    await client.end();
  }
}

async function load(client: Client, kind: BulkKind, openSource: () => Readable): Promise<BulkImportResult> {
  const result = await runBulkImport(client, kind, { openSource, dryRun: false });
  if (result.state !== 'succeeded') {
    const first = result.errorSample[0];
    throw new Error(
      `demo ${kind.kind} rejected: ${result.rowsInvalid} invalid rows; first on line ${first?.line}: ${first?.field} ${first?.reason}`,
    );
  }
  return result;
}

function describe(result: BulkImportResult): string {
  return `${result.rowsRead} read: ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged`;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Loads the demo data set of the given scale when the register is empty (quick start). */
export async function seedIfEmpty(app: INestApplication, scale: string): Promise<void> {
  if (!isDemoScale(scale))
    throw new Error(`SEED_DEMO must be one of ${DEMO_SCALES.join(', ')}, got '${scale}'`);
  const [{ present }] = await app.get(DataSource).query(`SELECT EXISTS (SELECT 1 FROM retailer) AS present`);
  if (present) return;
  const url = app.get(Environment).DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must be resolved before seeding');
  await seedDemoData(url, { scale, log: (message) => console.log(message) });
}
