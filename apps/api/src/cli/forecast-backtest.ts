import 'reflect-metadata';
import type { OrderCycle } from '@tms/calendar';
import { METHODS, monthlyFestivalFactors, type MethodName } from '@tms/forecasting';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { RowsQuery } from '../common/database/rows-query';
import { validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';
import {
  AccuracyAccumulator,
  LEVELS,
  type LevelScore,
} from '../modules/forecasting/accuracy/accuracy-accumulator';
import { IntervalCoverage } from '../modules/forecasting/accuracy/interval-coverage';
import { sliceCells } from '../modules/forecasting/accuracy/slice-cells';
import { readSlice } from '../modules/forecasting/accuracy/slice-query';
import { addMonths, forecastChunk } from '../modules/forecasting/runs/chunk-forecaster';
import { learnFestivalProfile } from '../modules/forecasting/runs/festival';
import { ACTIVE_MONTHS, HISTORY_MONTHS } from '../modules/forecasting/runs/forecast-runs.service';

/**
 * `pnpm forecast:backtest --months 12 [--lead 1]`: replays the last months on the data in the database —
 * for each month, forecast it `lead` months ahead from the history before, with each method — and prints
 * accuracy per level against the seeds' baseline method.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      months: { type: 'string', default: '12' },
      sample: { type: 'string', default: '1500' },
      methods: { type: 'string', default: 'ensemble,seeds,snaive' },
      holidays: { type: 'string', default: 'spring-festival' },
      occasions: { type: 'string', default: 'on' },
      'pooled-seasonality': { type: 'string', default: 'on' },
      'top-down': { type: 'string', default: 'on' },
      festival: { type: 'string', default: 'daily' },
      lead: { type: 'string', default: '1' },
    },
  });
  const onOff = (name: 'occasions' | 'pooled-seasonality' | 'top-down') => {
    if (values[name] !== 'on' && values[name] !== 'off') throw new Error(`--${name} must be on or off`);
    return values[name] === 'on';
  };
  const adjustOccasions = onOff('occasions');
  const pooled = onOff('pooled-seasonality');
  const topDown = onOff('top-down');
  const months = Number(values.months);
  if (!Number.isInteger(months) || months < 1 || months > 36)
    throw new Error(`--months must be a whole number from 1 to 36, got ${values.months}`);
  // months ahead: 1 scores the forecast of the month after the history, 3 the third month of a run
  const lead = Number(values.lead);
  if (!Number.isInteger(lead) || lead < 1 || lead > 12)
    throw new Error(`--lead must be a whole number from 1 to 12, got ${values.lead}`);
  const sampleSize = Number(values.sample);
  if (!Number.isInteger(sampleSize) || sampleSize < 1)
    throw new Error(`--sample must be a positive whole number, got ${values.sample}`);
  const methods = values.methods!.split(',') as MethodName[];
  for (const method of methods) if (!METHODS.includes(method)) throw new Error(`Unknown method ${method}`);
  if (values.holidays !== 'spring-festival' && values.holidays !== 'none')
    throw new Error(`--holidays must be spring-festival or none, got ${values.holidays}`);
  const holidays = values.holidays;
  // daily: the festival's profile learnt from daily sales, as runs do; monthly: the engine's regressors
  if (values.festival !== 'daily' && values.festival !== 'monthly')
    throw new Error(`--festival must be daily or monthly, got ${values.festival}`);
  const dailyFestival = values.festival === 'daily';

  const env = validateEnvironment(process.env);
  const db = new Client({ connectionString: await resolveDatabaseUrl(env, (m) => console.error(m)) });
  await db.connect();
  const query: RowsQuery = async (sql, parameters) => (await db.query(sql, parameters)).rows;
  try {
    const [{ last }] = (await db.query(`SELECT to_char(max(month), 'YYYY-MM') AS last FROM monthly_sales`))
      .rows;
    if (!last) throw new Error('No sales in the database: load data first (pnpm seed --scale town)');
    const ids: number[] = (await db.query('SELECT id FROM retailer ORDER BY id')).rows.map(
      (r: { id: number }) => r.id,
    );
    const step = Math.max(1, Math.floor(ids.length / sampleSize));
    const sample = ids.filter((_, index) => index % step === 0);
    const withdrawn = await db.query(`SELECT id, withdrawn_on FROM brand WHERE status = 'withdrawn'`);
    console.log(
      `Backtest: ${months} months ending ${last}, ${lead === 1 ? 'one month' : `${lead} months`} ahead, ${sample.length} of ${ids.length} retailers, methods ${methods.join(', ')}, holidays ${holidays}, order occasions ${adjustOccasions ? 'on' : 'off'}, pooled seasonality ${pooled ? 'on' : 'off'}, brand top-down ${topDown ? 'on' : 'off'}, festival ${holidays === 'none' ? 'off' : values.festival}`,
    );

    const scores = new Map<MethodName, LevelScore[][]>(methods.map((method) => [method, []]));
    const coverage = new Map(methods.map((method) => [method, new IntervalCoverage()]));
    let series = 0;
    const started = Date.now();
    for (let back = months - 1; back >= 0; back--) {
      const target = addMonths(last, -back);
      // the run that forecast `target` `lead` months ahead started in `firstMonth`
      const firstMonth = addMonths(target, 1 - lead);
      const historyStart = addMonths(firstMonth, -HISTORY_MONTHS);
      const targetIndex = HISTORY_MONTHS + lead - 1;
      const withdrawnIds = new Set<number>(
        withdrawn.rows
          .filter(
            (row: { withdrawn_on: Date | null }) =>
              !row.withdrawn_on || row.withdrawn_on <= new Date(`${firstMonth}-01`),
          )
          .map((row: { id: number }) => row.id),
      );
      // learnt from the daily sales before the month, as a run for it would
      const festivalProfile =
        holidays === 'none' || !dailyFestival ? null : await learnFestivalProfile(query, firstMonth);
      const festivalFactors = festivalProfile
        ? monthlyFestivalFactors(festivalProfile, historyStart, HISTORY_MONTHS + lead)
        : undefined;
      const accumulators = new Map(methods.map((method) => [method, new AccuracyAccumulator()]));
      for (let start = 0; start < sample.length; start += 500) {
        const slice = await readSlice(
          query,
          { ids: sample.slice(start, start + 500) },
          `${historyStart}-01`,
          `${target}-01`,
        );
        const cycles = await db.query('SELECT id, order_day, visit_cycle FROM retailer WHERE id = ANY($1)', [
          sample.slice(start, start + 500),
        ]);
        const orderCycles = new Map<number, { orderDay: number; visitCycle: OrderCycle }>(
          cycles.rows.map((row: { id: number; order_day: number; visit_cycle: OrderCycle }) => [
            row.id,
            { orderDay: row.order_day, visitCycle: row.visit_cycle },
          ]),
        );
        const history = slice.history.filter((row) => row.monthIndex < HISTORY_MONTHS);
        const actualOf = new Map(
          slice.history
            .filter((row) => row.monthIndex === targetIndex)
            .map((row) => [`${row.retailerId}:${row.brandId}`, row.cartons]),
        );
        for (const method of methods) {
          const result = forecastChunk({
            rows: history,
            historyMonths: HISTORY_MONTHS,
            historyStart,
            horizon: lead,
            method,
            holidays,
            withdrawnBrandIds: withdrawnIds,
            activeMonths: ACTIVE_MONTHS,
            // The seeds' method is replayed as they run it today: monthly figures, nothing pooled.
            orderCycles: adjustOccasions && method !== 'seeds' ? orderCycles : undefined,
            festivalFactors: method !== 'seeds' ? festivalFactors : undefined,
            pooledSeasonality: pooled && method !== 'seeds',
            brandTopDown: topDown && method !== 'seeds',
          });
          if (method === methods[0]) series += result.seriesCount;
          const forecastOf = new Map<string, number>();
          for (let i = 0; i < result.mean.length; i++) {
            if (result.steps[i] !== lead - 1) continue;
            const key = `${result.retailerIds[i]}:${result.brandIds[i]}`;
            forecastOf.set(key, result.mean[i]);
            coverage
              .get(method)!
              .add(actualOf.get(key) ?? 0, result.lo80[i], result.hi80[i], result.lo95[i], result.hi95[i]);
          }
          for (const cell of sliceCells(slice, targetIndex, forecastOf)) accumulators.get(method)!.add(cell);
        }
      }
      for (const method of methods) scores.get(method)!.push(accumulators.get(method)!.results());
      process.stderr.write(`  ${target} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }
    printTable(methods, scores, months, series);
    const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
    const covered = methods.map((method) => {
      const shares = coverage.get(method)!.shares();
      return `${method} ${shares ? `${pct(shares.coverage80)} / ${pct(shares.coverage95)}` : '-'}`;
    });
    console.log(`interval coverage, retailer × brand (80 % / 95 %): ${covered.join(', ')}`);
  } finally {
    await db.end();
    await stopEmbeddedPostgres();
  }
}

function printTable(
  methods: MethodName[],
  scores: Map<MethodName, LevelScore[][]>,
  months: number,
  series: number,
) {
  const mean = (values: Array<number | null>) => {
    const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
    return present.length ? present.reduce((sum, value) => sum + value, 0) / present.length : NaN;
  };
  const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
  console.log(
    `\n${series} series forecast per method per month; figures are means over the ${months} months\n`,
  );
  console.log(
    ['level'.padEnd(16), ...methods.map((m) => `${m}: 吻合率 / WAPE / MASE / bias`.padEnd(44))].join(''),
  );
  const wins: string[] = [];
  for (const level of LEVELS) {
    const cells = methods.map((method) => {
      const rows = scores
        .get(method)!
        .map((month) => month.find((row) => row.level === level && row.key === '*')!);
      return {
        agreement: mean(rows.map((row) => row.agreement)),
        wape: mean(rows.map((row) => row.wape)),
        scaled: mean(rows.map((row) => row.scaledError)),
        bias: mean(rows.map((row) => row.bias)),
      };
    });
    console.log(
      [
        level.padEnd(16),
        ...cells.map((c) =>
          `${pct(c.agreement)} / ${pct(c.wape)} / ${c.scaled.toFixed(3)} / ${(100 * c.bias).toFixed(1)}%`.padEnd(
            44,
          ),
        ),
      ].join(''),
    );
    const seeds = methods.indexOf('seeds');
    if (seeds >= 0 && seeds !== 0)
      wins.push(`${level}: ${cells[0].agreement >= cells[seeds].agreement ? 'wins' : 'LOSES'}`);
  }
  if (wins.length) console.log(`\n${methods[0]} against seeds on 吻合率: ${wins.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
