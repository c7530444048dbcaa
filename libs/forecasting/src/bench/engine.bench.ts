import { resolve } from 'node:path';
import { parseArgs, UsageError } from '../cli/args';
import { runEngineBench } from './engine';

/** `pnpm bench:forecast [--data DIR|none] [--series N]`: the engine part of the forecasting benchmark. */
export async function main(argv: readonly string[]): Promise<number> {
  const repoRoot = resolve(__dirname, '../../../..');
  try {
    const a = parseArgs(argv, [], ['data', 'series']);
    const data = a.get('data') ?? '../shared/data/tourism-monthly';
    const series = Number(a.get('series') ?? 10_000);
    if (!Number.isInteger(series) || series < 1) throw new UsageError('--series must be a positive integer');
    console.log(`bench:forecast engine (${new Date().toISOString().slice(0, 10)}, node ${process.version})`);
    await runEngineBench({ series, dataDir: data === 'none' ? null : resolve(repoRoot, data) });
    return 0;
  } catch (e) {
    process.stderr.write(
      `error: ${(e as Error).message}\nusage: pnpm bench:forecast [--data DIR|none] [--series N]\n`,
    );
    return e instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
