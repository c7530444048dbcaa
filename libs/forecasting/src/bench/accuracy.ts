import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readLongSeries } from '../csv';
import { forecast, type MethodName } from '../forecast';
import { coverage, mase, owa, smape } from '../metrics';

export interface AccuracyRow {
  method: MethodName;
  smape: number;
  mase: number;
  owa: number;
  coverage80: number;
  coverage95: number;
  seconds: number;
}

export interface AccuracyReport {
  series: number;
  horizon: number;
  trainPoints: number;
  rows: AccuracyRow[];
}

/**
 * Scores methods on a train/test split in long format (`train.csv`, `test.csv`), like the tourism data:
 * forecasts the test horizon from each training series with `holidays: 'none'`, averages sMAPE and MASE
 * over all series and horizons, OWA against this engine's Naive2, and interval coverage.
 */
export async function runAccuracy(
  dataDir: string,
  methods: MethodName[],
  m = 12,
): Promise<AccuracyReport | null> {
  const trainFile = join(dataDir, 'train.csv');
  const testFile = join(dataDir, 'test.csv');
  if (!existsSync(trainFile) || !existsSync(testFile)) return null;
  const train = await readLongSeries(trainFile);
  const test = new Map((await readLongSeries(testFile)).map((s) => [s.id, s.values]));
  let horizon = 0;
  let trainPoints = 0;
  for (const s of train) {
    horizon = Math.max(horizon, test.get(s.id)?.length ?? 0);
    trainPoints += s.values.length;
  }
  const all = methods.includes('naive2') ? methods : [...methods, 'naive2' as MethodName];
  const raw: AccuracyRow[] = [];
  for (const method of all) {
    let sm = 0;
    let ms = 0;
    let c80 = 0;
    let c95 = 0;
    let count = 0;
    const t0 = process.hrtime.bigint();
    for (const s of train) {
      const actual = test.get(s.id);
      if (!actual) continue;
      const f = forecast(
        { values: s.values, start: s.start },
        { horizon: actual.length, method, holidays: 'none', seasonalPeriod: m },
      );
      sm += smape(actual, f.mean);
      ms += mase(actual, f.mean, s.values, m);
      c80 += coverage(actual, f.lo80, f.hi80);
      c95 += coverage(actual, f.lo95, f.hi95);
      count++;
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    raw.push({
      method,
      smape: sm / count,
      mase: ms / count,
      owa: NaN,
      coverage80: c80 / count,
      coverage95: c95 / count,
      seconds,
    });
  }
  const n2 = raw.find((r) => r.method === 'naive2') as AccuracyRow;
  for (const r of raw) r.owa = owa(r.smape, r.mase, n2.smape, n2.mase);
  return { series: train.length, horizon, trainPoints, rows: raw.filter((r) => methods.includes(r.method)) };
}
