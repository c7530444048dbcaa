import { forecastMany, METHODS, type MethodName } from '../forecast';
import { runAccuracy, type AccuracyReport } from './accuracy';
import { syntheticRetailSeries } from './synthetic';

export interface SpeedRow {
  method: MethodName;
  /** Series per CPU second of this process (user + system): per core, robust to other load. */
  seriesPerSecond: number;
  /** Series per wall-clock second (lower when other processes compete for the cores). */
  seriesPerWallSecond: number;
  /** Time per series relative to the seeds' baseline (1 = as fast). */
  relativeToSeeds: number;
}

export interface EngineBenchOptions {
  series?: number;
  length?: number;
  horizon?: number;
  intermittentShare?: number;
  methods?: readonly MethodName[];
  /** Folder with train.csv / test.csv for the accuracy part (null to skip). */
  dataDir?: string | null;
  log?: (line: string) => void;
}

export interface EngineBenchResult {
  series: number;
  length: number;
  horizon: number;
  intermittent: number;
  speed: SpeedRow[];
  /** The default method on regular-only and intermittent-only series (per core). */
  byKind: { kind: string; seriesPerSecond: number }[];
  accuracy: AccuracyReport | null;
}

/**
 * Engine benchmark, single-threaded (series per CPU second = per core): every method on the same synthetic
 * retailer × brand series (default 10,000 × 36 months, 40 % intermittent, h = 12, Spring Festival on,
 * intervals on), then the accuracy run on a train/test folder when given.
 */
export async function runEngineBench(opts: EngineBenchOptions = {}): Promise<EngineBenchResult> {
  const count = opts.series ?? 10_000;
  const length = opts.length ?? 36;
  const horizon = opts.horizon ?? 12;
  const log = opts.log ?? ((l: string) => console.log(l));
  const methods = opts.methods ?? METHODS;
  const data = syntheticRetailSeries(count, length, '2023-01', 42, opts.intermittentShare ?? 0.4);
  const intermittent = data.filter((s) => s.intermittent).length;
  log(
    `engine: ${count} synthetic retailer × brand series × ${length} months (${intermittent} intermittent), h = ${horizon}, 1 core`,
  );
  const speed: SpeedRow[] = [];
  const time = (method: MethodName) => {
    forecastMany(data.slice(0, Math.min(300, count)), { horizon, method });
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    forecastMany(data, { horizon, method });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    return { cpu: (c.user + c.system) / 1e6, wall };
  };
  const seedsTime = time('seeds');
  log(`  method     series/s per core (CPU time)   wall-clock series/s   time vs seeds`);
  for (const method of methods) {
    const t = method === 'seeds' ? seedsTime : time(method);
    const row: SpeedRow = {
      method,
      seriesPerSecond: count / t.cpu,
      seriesPerWallSecond: count / t.wall,
      relativeToSeeds: t.cpu / seedsTime.cpu,
    };
    speed.push(row);
    log(
      `  ${method.padEnd(10)} ${row.seriesPerSecond.toFixed(0).padStart(12)} ${row.seriesPerWallSecond.toFixed(0).padStart(28)} ${row.relativeToSeeds.toFixed(2).padStart(15)}×`,
    );
  }
  // the default on each kind of series alone (the mix above depends on the intermittent share)
  const byKind: { kind: string; seriesPerSecond: number }[] = [];
  for (const [kind, share] of [
    ['regular', 0],
    ['intermittent', 1],
  ] as const) {
    const sub = syntheticRetailSeries(Math.min(count, 5000), length, '2023-01', 43, share);
    forecastMany(sub.slice(0, 300), { horizon });
    const c0 = process.cpuUsage();
    forecastMany(sub, { horizon });
    const c = process.cpuUsage(c0);
    byKind.push({ kind, seriesPerSecond: sub.length / ((c.user + c.system) / 1e6) });
  }
  log(
    `  default by kind: ${byKind.map((k) => `${k.kind} ${k.seriesPerSecond.toFixed(0)} series/s`).join(', ')}`,
  );
  let accuracy: AccuracyReport | null = null;
  if (opts.dataDir) {
    accuracy = await runAccuracy(opts.dataDir, [...methods]);
    if (!accuracy) log(`accuracy: skipped, no train.csv/test.csv in ${opts.dataDir}`);
    else {
      log(
        `accuracy: ${opts.dataDir}: ${accuracy.series} series, ${accuracy.trainPoints} training points, h = ${accuracy.horizon}, holidays none`,
      );
      log(`  method       sMAPE    MASE    OWA   cover80 cover95`);
      for (const r of accuracy.rows)
        log(
          `  ${r.method.padEnd(10)} ${r.smape.toFixed(3).padStart(7)} ${r.mase.toFixed(3).padStart(7)} ${r.owa.toFixed(3).padStart(6)} ${(100 * r.coverage80).toFixed(1).padStart(6)}% ${(100 * r.coverage95).toFixed(1).padStart(6)}%`,
        );
    }
  }
  return { series: count, length, horizon, intermittent, speed, byKind, accuracy };
}
