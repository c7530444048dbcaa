import { CsvError, readCsv, readLongSeries, RowError } from '../csv';
import { forecast } from '../forecast';
import { coverage, mase, owa, smape } from '../metrics';
import { parsePeriod } from '../util';
import { parseArgs, UsageError } from './args';

export const FORECAST_SCORE_USAGE =
  'usage: pnpm forecast:score --forecast FILE --actuals FILE [--train FILE] [--period 12]';

export interface ScoreReport {
  series: number;
  points: number;
  smape: number;
  /** NaN without a training file. */
  mase: number;
  owa: number;
  naive2Smape: number;
  naive2Mase: number;
  coverage80: number;
  coverage95: number;
}

interface FcRow {
  f: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

async function readForecastFile(file: string): Promise<Map<string, Map<number, FcRow>>> {
  const out = new Map<string, Map<number, FcRow>>();
  await readCsv(file, ['series_id', 'period', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95'], (cells) => {
    if (cells.length < 7) throw new RowError(`expected 7 columns, got ${cells.length}`);
    const p = parsePeriod(cells[1]);
    if (Number.isNaN(p)) throw new RowError(`period "${cells[1]}" is not YYYY-MM`);
    const nums = cells.slice(2, 7).map(Number);
    if (nums.some((v) => !Number.isFinite(v))) throw new RowError('forecast and bounds must be numbers');
    let s = out.get(cells[0]);
    if (!s) out.set(cells[0], (s = new Map()));
    if (s.has(p)) throw new RowError(`duplicate period ${cells[1]} for series ${cells[0]}`);
    s.set(p, { f: nums[0], lo80: nums[1], hi80: nums[2], lo95: nums[3], hi95: nums[4] });
  });
  return out;
}

/**
 * Scores a forecast file against actuals: sMAPE, MASE (seasonal naive scale from the training file), OWA
 * against Naive2 computed by this engine from the training file, and 80 % / 95 % coverage. Averages are
 * over all series and horizons (M4 style).
 */
export async function scoreFiles(opts: {
  forecast: string;
  actuals: string;
  train?: string;
  m?: number;
}): Promise<ScoreReport> {
  const m = opts.m ?? 12;
  const fc = await readForecastFile(opts.forecast);
  const actuals = await readLongSeries(opts.actuals);
  const train = opts.train ? new Map((await readLongSeries(opts.train)).map((s) => [s.id, s])) : null;
  let sm = 0;
  let ms = 0;
  let n2s = 0;
  let n2m = 0;
  let c80 = 0;
  let c95 = 0;
  let series = 0;
  let points = 0;
  for (const a of actuals) {
    const rows = fc.get(a.id);
    if (!rows) throw new Error(`no forecast for series ${a.id}`);
    const start = parsePeriod(a.start);
    const H = a.values.length;
    const f = new Float64Array(H);
    const lo80 = new Float64Array(H);
    const hi80 = new Float64Array(H);
    const lo95 = new Float64Array(H);
    const hi95 = new Float64Array(H);
    for (let h = 0; h < H; h++) {
      const r = rows.get(start + h);
      if (!r) throw new Error(`no forecast for series ${a.id} in the actuals' period ${h + 1}`);
      f[h] = r.f;
      lo80[h] = r.lo80;
      hi80[h] = r.hi80;
      lo95[h] = r.lo95;
      hi95[h] = r.hi95;
    }
    sm += smape(a.values, f);
    c80 += coverage(a.values, lo80, hi80);
    c95 += coverage(a.values, lo95, hi95);
    if (train) {
      const t = train.get(a.id);
      if (!t) throw new Error(`no training series for ${a.id}`);
      const gap = start - (parsePeriod(t.start) + t.values.length);
      if (gap < 0) throw new Error(`actuals of ${a.id} overlap its training data`);
      const n2 = forecast(
        { values: t.values, start: t.start },
        { horizon: gap + H, method: 'naive2', holidays: 'none', intervals: false, seasonalPeriod: m },
      );
      const n2f = n2.mean.subarray(gap);
      ms += mase(a.values, f, t.values, m);
      n2s += smape(a.values, n2f);
      n2m += mase(a.values, n2f, t.values, m);
    }
    series++;
    points += H;
  }
  const r: ScoreReport = {
    series,
    points,
    smape: sm / series,
    mase: train ? ms / series : NaN,
    owa: NaN,
    naive2Smape: train ? n2s / series : NaN,
    naive2Mase: train ? n2m / series : NaN,
    coverage80: c80 / series,
    coverage95: c95 / series,
  };
  if (train) r.owa = owa(r.smape, r.mase, r.naive2Smape, r.naive2Mase);
  return r;
}

export function formatScore(r: ScoreReport): string {
  const lines = [
    `series ${r.series}, points ${r.points}`,
    `sMAPE     ${r.smape.toFixed(3)}`,
    `MASE      ${Number.isNaN(r.mase) ? 'n/a (needs --train)' : r.mase.toFixed(3)}`,
    `OWA       ${Number.isNaN(r.owa) ? 'n/a (needs --train)' : `${r.owa.toFixed(3)} (Naive2 sMAPE ${r.naive2Smape.toFixed(3)}, MASE ${r.naive2Mase.toFixed(3)})`}`,
    `cover 80% ${(100 * r.coverage80).toFixed(1)}%`,
    `cover 95% ${(100 * r.coverage95).toFixed(1)}%`,
  ];
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const a = parseArgs(argv, ['help'], ['forecast', 'actuals', 'train', 'period']);
    if (a.has('help')) throw new UsageError('');
    const forecastFile = a.get('forecast');
    const actuals = a.get('actuals');
    if (!forecastFile || !actuals) throw new UsageError('--forecast and --actuals are required');
    const m = Number(a.get('period') ?? 12);
    if (!Number.isInteger(m) || m < 1) throw new UsageError('--period must be a positive integer');
    console.log(formatScore(await scoreFiles({ forecast: forecastFile, actuals, train: a.get('train'), m })));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write((e.message ? `error: ${e.message}\n` : '') + FORECAST_SCORE_USAGE + '\n');
      return 2;
    }
    process.stderr.write(`error: ${e instanceof CsvError ? 'invalid input ' : ''}${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
