#!/usr/bin/env node
/**
 * Writes a demo data set as CSV files:
 *   node libs/demo-data/dist/cli/generate.js --scale town --out DIR [--seed N] [--end-month YYYY-MM] [--with-issues]
 */
import { resolve } from 'node:path';
import { DEFAULT_END_MONTH, DEFAULT_SEED, DEMO_SCALES, type DemoScale } from '../world';
import { writeDemoData } from '../write';

interface Args {
  scale: DemoScale;
  out: string;
  seed: number;
  endMonth: string;
  withIssues: boolean;
}

const USAGE =
  'usage: generate --scale small|town|city --out DIR [--seed N] [--end-month YYYY-MM] [--with-issues]';

export function parseArgs(argv: readonly string[]): Args {
  const args: Partial<Args> = { seed: DEFAULT_SEED, endMonth: DEFAULT_END_MONTH, withIssues: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--scale': {
        const scale = value();
        if (!(DEMO_SCALES as readonly string[]).includes(scale))
          throw new Error(`unknown scale '${scale}'\n${USAGE}`);
        args.scale = scale as DemoScale;
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--seed': {
        const seed = Number(value());
        if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer\n${USAGE}`);
        args.seed = seed;
        break;
      }
      case '--end-month':
        args.endMonth = value();
        break;
      case '--with-issues':
        args.withIssues = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument '${flag}'\n${USAGE}`);
    }
  }
  if (!args.scale || !args.out) throw new Error(`--scale and --out are required\n${USAGE}`);
  return args as Args;
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const dir = resolve(args.out);
  const result = await writeDemoData(dir, {
    scale: args.scale,
    seed: args.seed,
    endMonth: args.endMonth,
    withDataQualityIssues: args.withIssues,
  });
  const { counts } = result;
  const seconds = result.milliseconds / 1000;
  console.log(`demo data (${args.scale}, seed ${args.seed}) written to ${dir}`);
  console.log(
    `  districts        ${counts.districts} (${counts.counties} counties, ${counts.marketAreas} market areas, ${counts.routes} routes)`,
  );
  console.log(`  manufacturers    ${counts.manufacturers}`);
  console.log(`  brands           ${counts.brands}`);
  console.log(`  account managers ${counts.accountManagers}`);
  console.log(`  retailers        ${counts.retailers}`);
  console.log(`  order lines      ${counts.orderLines} over ${counts.months} months`);
  if (result.manifest.length > 0)
    console.log(`  injected problems ${result.manifest.length} (manifest.json)`);
  console.log(
    `  time             ${seconds.toFixed(1)} s (${Math.round(counts.orderLines / seconds)} order lines/s)`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
