import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { resolveDatabaseUrl, stopEmbeddedPostgres } from '../database/database-url';
import { typeOrmOptions } from '../database/typeorm-options';
import { PartnerGroupBy, type PartnerSalesFilter } from '../modules/partners/dto/partner.dto';
import { PartnersRepository } from '../modules/partners/partners.repository';
import { PartnersService } from '../modules/partners/partners.service';
import { monthConstant, perturbCell } from '../modules/partners/perturbation';
import { estimateQueryCost } from '../modules/partners/query-cost';

/**
 * `pnpm bench:partner`: what the cell-key perturbation costs manufacturers in accuracy, and what the partner
 * queries cost the API, on the data in the database.
 *
 * Accuracy: for every manufacturer, its brands over the last `--months` months, grouped the ways a
 * manufacturer would (none, month, county, market area, segments and their pairs); every cell of at least
 * `--min-retailers` (default 20) retailers in the range and in each month is published as the API publishes
 * it and compared with the exact figures: relative error of cartons, amount and the retailer count.
 *
 * Cost: the heaviest query the budget allows (a MONTH × MARKET_AREA × BUSINESS_TYPE grouping at the widest
 * range within PARTNER_QUERY_BUDGET), timed through the service, with the event loop's longest stall while it
 * runs.
 */
const GROUPINGS: PartnerGroupBy[][] = [
  [],
  [PartnerGroupBy.MONTH],
  [PartnerGroupBy.COUNTY],
  [PartnerGroupBy.MARKET_AREA],
  [PartnerGroupBy.BUSINESS_TYPE],
  [PartnerGroupBy.MARKET_TYPE],
  [PartnerGroupBy.TIER_BAND],
  [PartnerGroupBy.MONTH, PartnerGroupBy.COUNTY],
  [PartnerGroupBy.MONTH, PartnerGroupBy.BUSINESS_TYPE],
  [PartnerGroupBy.COUNTY, PartnerGroupBy.BUSINESS_TYPE],
  [PartnerGroupBy.MARKET_AREA, PartnerGroupBy.MARKET_TYPE],
  [PartnerGroupBy.BUSINESS_TYPE, PartnerGroupBy.MARKET_TYPE],
  [PartnerGroupBy.MARKET_TYPE, PartnerGroupBy.TIER_BAND],
  [PartnerGroupBy.COUNTY, PartnerGroupBy.BUSINESS_TYPE, PartnerGroupBy.TIER_BAND],
];

function monthsBack(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number);
  const index = year * 12 + month - 1;
  return Array.from({ length: count }, (_, offset) => {
    const at = index - count + 1 + offset;
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
}

function summary(values: number[]): string {
  if (!values.length) return '— | — | — | —';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const pct = (value: number) => `${(value * 100).toFixed(2)} %`;
  return `${pct(mean)} | ${pct(at(0.5))} | ${pct(at(0.95))} | ${pct(sorted[sorted.length - 1])}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      months: { type: 'string', default: '12' },
      'min-retailers': { type: 'string', default: '20' },
    },
  });
  const env = validateEnvironment(process.env);
  const url = await resolveDatabaseUrl(env, (message) => console.log(message));
  const db = new DataSource({ ...typeOrmOptions(url), logging: false });
  await db.initialize();
  try {
    const repository = new PartnersRepository(db);
    const [{ last, retailers, rows }] = await db.query(
      `SELECT to_char(max(month), 'YYYY-MM') AS last, (SELECT count(*)::int FROM retailer) AS retailers,
              (SELECT count(*)::int FROM monthly_sales) AS rows FROM monthly_sales`,
    );
    if (!last) throw new Error('No sales in the database: load data first (pnpm seed --scale town)');
    const months = monthsBack(last, Number(values.months));
    const minimum = Number(values['min-retailers']);
    const manufacturers: Array<{ id: number; code: string }> = await db.query(
      'SELECT id, code FROM manufacturer ORDER BY code',
    );
    console.log(
      `Data: ${retailers} retailers, ${rows} retailer × brand × month rows, ${manufacturers.length} manufacturers; ` +
        `months ${months[0]} … ${months[months.length - 1]}; cells of ≥ ${minimum} retailers`,
    );
    const errors = { cartons: [] as number[], amount: [] as number[], count: [] as number[] };
    const bySize = new Map<string, number[]>();
    let cells = 0;
    for (const manufacturer of manufacturers) {
      const brandIds = (await repository.brandsOf(manufacturer.id)).map((brand) => brand.id);
      for (const groupBy of GROUPINGS) {
        const result = await repository.salesCells({
          manufacturerId: manufacturer.id,
          brandIds,
          fromMonth: months[0],
          toMonth: months[months.length - 1],
          monthConstants: months.map((month) => ({ month, constant: monthConstant(month) })),
          groupBy,
          timeoutMs: 60_000,
        });
        for (const cell of result.cells) {
          if (Math.min(cell.orderingRetailers, cell.leastMonthlyRetailers) < minimum) continue;
          const exact = { cartons: Number(cell.cartons), amount: Number(cell.amount) };
          const published = perturbCell(
            {
              retailers: cell.orderingRetailers,
              countKey: Number(cell.countKey),
              recordKey: Number(cell.recordKey),
              cartons: exact.cartons,
              amount: exact.amount,
              topCartons: Number(cell.topCartons),
              topAmount: Number(cell.topAmount),
            },
            env.PARTNER_MIN_GROUP_SIZE,
          );
          const cartons = Math.abs(published.cartons - exact.cartons) / exact.cartons;
          errors.cartons.push(cartons);
          errors.amount.push(Math.abs(published.amount - exact.amount) / exact.amount);
          errors.count.push(
            Math.abs(published.orderingRetailers - cell.orderingRetailers) / cell.orderingRetailers,
          );
          const size =
            cell.orderingRetailers < 50 ? '20–49' : cell.orderingRetailers < 200 ? '50–199' : '≥ 200';
          bySize.set(size, [...(bySize.get(size) ?? []), cartons]);
          cells++;
        }
      }
    }
    console.log(`\n${cells} cells; relative error | mean | median | p95 | max`);
    console.log(`cartons | ${summary(errors.cartons)}`);
    console.log(`amount | ${summary(errors.amount)}`);
    console.log(`orderingRetailers | ${summary(errors.count)}`);
    for (const size of ['20–49', '50–199', '≥ 200']) {
      const list = bySize.get(size) ?? [];
      console.log(`cartons, cells of ${size} retailers (${list.length}) | ${summary(list)}`);
    }

    // The heaviest query the budget allows, through the service, while the event loop is watched.
    const service = new PartnersService(repository, env);
    const [{ counties, marketAreas }] = [await repository.dimensionSizes()];
    const heaviest = manufacturers[0];
    const brands = (await repository.brandsOf(heaviest.id)).length;
    const groupBy = [PartnerGroupBy.MONTH, PartnerGroupBy.MARKET_AREA, PartnerGroupBy.BUSINESS_TYPE];
    let range = 36;
    while (
      range > 1 &&
      estimateQueryCost({ brands, months: range, groupBy, counties, marketAreas }).cells >
        env.PARTNER_QUERY_BUDGET
    ) {
      range--;
    }
    const span = monthsBack(last, range);
    const filter: PartnerSalesFilter = {
      fromMonth: span[0],
      toMonth: span[span.length - 1],
      groupBy,
    };
    const estimate = estimateQueryCost({ brands, months: range, groupBy, counties, marketAreas }).cells;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    const timings: number[] = [];
    let answerRows = 0;
    delay.enable();
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      answerRows = (await service.sales(heaviest.id, filter, {})).length;
      timings.push(performance.now() - started);
    }
    delay.disable();
    timings.sort((a, b) => a - b);
    console.log(
      `\nheaviest allowed query: ${heaviest.code}, ${brands} brands × ${range} months × ${marketAreas} market areas × ` +
        `business type = ${estimate} cells (budget ${env.PARTNER_QUERY_BUDGET}), ${answerRows} rows: ` +
        `median ${timings[2].toFixed(0)} ms, max ${timings[4].toFixed(0)} ms; event loop max delay ` +
        `${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
    );
  } finally {
    await db.destroy();
    await stopEmbeddedPostgres();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
