import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accountManagersCsv, brandsCsv, districtsCsv, manufacturersCsv, retailersCsv } from './csv';
import { DEMO_FILES } from './files';
import { orderLinesCsvBuffers } from './order-lines-csv';
import { dataQualityManifest, type DataQualityIssue } from './quality';
import { DEFAULT_SEED, generateWorld, type DemoScale, type WorldCounts, type WorldOptions } from './world';

export interface WriteDemoDataOptions extends WorldOptions {
  scale: DemoScale;
  seed?: number;
  withDataQualityIssues?: boolean;
  /** Called after each order-line chunk with the bytes of the order-line file written so far. */
  onProgress?: (bytes: number) => void;
}

export interface WriteDemoDataResult {
  dir: string;
  counts: WorldCounts & { orderLines: number };
  files: string[];
  /** Injected problems (empty unless `withDataQualityIssues`); also written to `manifest.json`. */
  manifest: DataQualityIssue[];
  milliseconds: number;
}

/** Writes every CSV file of a demo data set (and `manifest.json` with the injected problems) into `dir`. */
export async function writeDemoData(
  dir: string,
  options: WriteDemoDataOptions,
): Promise<WriteDemoDataResult> {
  const started = Date.now();
  await mkdir(dir, { recursive: true });
  const world = generateWorld(options.scale, options.seed ?? DEFAULT_SEED, options);
  const withIssues = options.withDataQualityIssues ?? false;
  const small: Array<[string, string]> = [
    [DEMO_FILES.districts, districtsCsv(world)],
    [DEMO_FILES.manufacturers, manufacturersCsv(world)],
    [DEMO_FILES.accountManagers, accountManagersCsv(world)],
    [DEMO_FILES.brands, brandsCsv(world)],
    [DEMO_FILES.retailers, retailersCsv(world, { withDataQualityIssues: withIssues })],
  ];
  for (const [name, text] of small) await writeFile(join(dir, name), text, 'utf8');

  let orderLines: number;
  const stream = createWriteStream(join(dir, DEMO_FILES.orderLines));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const chunks = orderLinesCsvBuffers(world, { withDataQualityIssues: withIssues });
  for (let bytes = 0; ;) {
    const step = chunks.next();
    if (step.done) {
      orderLines = step.value;
      break;
    }
    bytes += step.value.length;
    options.onProgress?.(bytes);
    if (!stream.write(step.value)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await finished;

  const manifest = withIssues ? dataQualityManifest(world) : [];
  const files = [...small.map(([name]) => name), DEMO_FILES.orderLines];
  if (withIssues) {
    await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    files.push('manifest.json');
  }
  return {
    dir,
    counts: { ...world.counts, orderLines },
    files,
    manifest,
    milliseconds: Date.now() - started,
  };
}
