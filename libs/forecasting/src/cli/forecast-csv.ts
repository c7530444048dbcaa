import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CsvError, readLongSeries } from '../csv';
import { estimatePooledHolidayEffect, forecast, METHODS, type MethodName } from '../forecast';
import { formatPeriod, parsePeriod } from '../util';
import { parseArgs, UsageError } from './args';

export const FORECAST_CSV_USAGE =
  'usage: pnpm forecast:csv --input FILE --horizon H --output FILE [--method NAME] [--holidays none|spring-festival] [--holidays-per-series] [--whole-units]\n' +
  'The Spring Festival effect is estimated once on the sum of all series unless --holidays-per-series.\n' +
  `methods: ${METHODS.join(', ')} (default ensemble)`;

export interface ForecastCsvOptions {
  input: string;
  output: string;
  horizon: number;
  method: MethodName;
  holidays: 'none' | 'spring-festival';
  wholeUnits: boolean;
  /** Estimate the Spring Festival effect per series instead of once on the total. */
  holidaysPerSeries?: boolean;
}

export function parseForecastCsvArgs(argv: readonly string[]): ForecastCsvOptions {
  const a = parseArgs(
    argv,
    ['whole-units', 'holidays-per-series', 'help'],
    ['input', 'output', 'horizon', 'method', 'holidays'],
  );
  if (a.has('help')) throw new UsageError('');
  const input = a.get('input');
  const output = a.get('output');
  if (!input) throw new UsageError('--input is required');
  if (!output) throw new UsageError('--output is required');
  const horizon = Number(a.get('horizon'));
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 120)
    throw new UsageError('--horizon must be an integer from 1 to 120');
  const method = (a.get('method') ?? 'ensemble') as MethodName;
  if (!(METHODS as readonly string[]).includes(method))
    throw new UsageError(`--method must be one of ${METHODS.join(', ')}`);
  const holidays = a.get('holidays') ?? 'spring-festival';
  if (holidays !== 'none' && holidays !== 'spring-festival')
    throw new UsageError('--holidays must be none or spring-festival');
  return {
    input,
    output,
    horizon,
    method,
    holidays,
    wholeUnits: a.has('whole-units'),
    holidaysPerSeries: a.has('holidays-per-series'),
  };
}

function fmt(v: number, whole: boolean): string {
  return whole ? String(v) : String(Math.round(v * 10000) / 10000);
}

/**
 * Reads the long-format input (validated, see `readLongSeries`), forecasts every series and writes
 * `series_id,period,forecast,lo80,hi80,lo95,hi95`. Reports progress on `progress` every 2 s.
 */
export async function runForecastCsv(
  opts: ForecastCsvOptions,
  progress: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<{ series: number; rows: number; seconds: number }> {
  const t0 = Date.now();
  let lastRead = t0;
  const series = await readLongSeries(opts.input, 'value', (line) => {
    const now = Date.now();
    if (now - lastRead >= 2000) {
      lastRead = now;
      progress(`forecast:csv reading line ${line}`);
    }
  });
  const t1 = Date.now();
  const holidayEffect =
    opts.holidays === 'spring-festival' && !opts.holidaysPerSeries
      ? (estimatePooledHolidayEffect(series.map((s) => ({ values: s.values, start: s.start }))) ?? undefined)
      : undefined;
  const out = createWriteStream(opts.output, { encoding: 'utf8' });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write('series_id,period,forecast,lo80,hi80,lo95,hi95\n');
  let rows = 0;
  let lastReport = Date.now();
  let buf: string[] = [];
  for (let i = 0; i < series.length; i++) {
    const s = series[i];
    const f = forecast(
      { values: s.values, start: s.start },
      {
        horizon: opts.horizon,
        method: opts.method,
        holidays: opts.holidays,
        wholeUnits: opts.wholeUnits,
        holidayEffect,
      },
    );
    const first = parsePeriod(f.start);
    for (let h = 0; h < opts.horizon; h++) {
      const w = opts.wholeUnits;
      buf.push(
        `${s.id},${formatPeriod(first + h)},${fmt(f.mean[h], w)},${fmt(f.lo80[h], w)},${fmt(f.hi80[h], w)},${fmt(f.lo95[h], w)},${fmt(f.hi95[h], w)}\n`,
      );
      rows++;
    }
    if (buf.length >= 4096) {
      await write(buf.join(''));
      buf = [];
    }
    const now = Date.now();
    if (now - lastReport >= 2000) {
      lastReport = now;
      const rate = (i + 1) / ((now - t1) / 1000);
      progress(`forecast:csv ${i + 1}/${series.length} series (${rate.toFixed(0)} series/s)`);
    }
  }
  await write(buf.join(''));
  out.end();
  await once(out, 'finish');
  return { series: series.length, rows, seconds: (Date.now() - t0) / 1000 };
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const opts = parseForecastCsvArgs(argv);
    const r = await runForecastCsv(opts);
    process.stderr.write(
      `forecast:csv wrote ${r.rows} rows for ${r.series} series to ${opts.output} in ${r.seconds.toFixed(1)} s\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write((e.message ? `error: ${e.message}\n` : '') + FORECAST_CSV_USAGE + '\n');
      return 2;
    }
    if (e instanceof CsvError) {
      process.stderr.write(`error: invalid input ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
