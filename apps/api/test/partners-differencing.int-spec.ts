import request from 'supertest';
import { seedDemoData } from '../src/modules/imports/demo-seed';
import {
  differencingAttack,
  GROUP_BY,
  groupings,
  trueCells,
  type Answer,
  type Dimension,
  type PublishedRow,
  type Recovery,
  type Sale,
  type Target,
} from './partners-attack';
import { createTestApp, type TestApp } from './test-app';

const MONTH = '2026-09';
const PREVIOUS = '2026-08';

const FIELDS =
  'month districtCode businessType marketType tierBand suppressed cartons amount orderingRetailers';

/**
 * The attack of issue 9 §1, on the `small` demo data set (500 retailers): one brand, one month, every single
 * and paired grouping in one request of 15 aliases; then, across requests, every grouping of three and four
 * dimensions, and the same 15 groupings over two months and over the month before (whose difference is the
 * month again). Every published figure is an equation; the attacker solves the system for the cells of fewer
 * than the minimum retailers.
 */
describe('partnerSales against differencing', () => {
  let t: TestApp;
  let key: string;
  let brandId: number;
  let sales: Sale[];
  let minimum: number;

  const gql = (query: string) => request(t.raw).post('/graphql').set('x-api-key', key).send({ query });

  /** One request with one alias per grouping. */
  async function ask(months: string[], list: Dimension[][]): Promise<Answer[]> {
    const aliases = list.map(
      (grouping, index) =>
        `g${index}: partnerSales(filter: { brandIds: [${brandId}], fromMonth: "${months[0]}", toMonth: "${
          months[months.length - 1]
        }", groupBy: [${grouping.map((dimension) => GROUP_BY[dimension]).join(', ')}] }) { ${FIELDS} }`,
    );
    const { body } = await gql(`{ ${aliases.join('\n')} }`);
    expect(body.errors).toBeUndefined();
    return list.map((grouping, index) => ({
      months,
      grouping,
      rows: body.data[`g${index}`] as PublishedRow[],
    }));
  }

  beforeAll(async () => {
    t = await createTestApp();
    minimum = t.env.PARTNER_MIN_GROUP_SIZE;
    await seedDemoData(t.env.DATABASE_URL!, { scale: 'small' });
    // A brand of middling reach: a few hundred buyers in the month, so most cells are large and some small.
    const [brand] = await t.db.query(
      `SELECT b.id, b.manufacturer_id AS "manufacturerId"
         FROM monthly_sales s JOIN brand b ON b.id = s.brand_id
        WHERE s.month = $1 GROUP BY b.id HAVING count(DISTINCT s.retailer_id) BETWEEN 150 AND 300
        ORDER BY b.code LIMIT 1`,
      [`${MONTH}-01`],
    );
    brandId = brand.id;
    const { body } = await request(t.http)
      .post(`/api/manufacturers/${brand.manufacturerId}/api-keys`)
      .send({ name: 'attacker' })
      .expect(201);
    key = body.key;
    sales = (
      await t.db.query(
        `SELECT s.retailer_id AS "retailerId", to_char(s.month, 'YYYY-MM') AS month, a.code AS area,
                c.code AS county, r.business_type AS business, r.market_type AS market,
                ((r.tier - 1) / 5 * 5 + 1) || '-' || ((r.tier - 1) / 5 * 5 + 5) AS tier,
                s.cartons, s.amount::float8 AS amount
           FROM monthly_sales s
           JOIN retailer r ON r.id = s.retailer_id
           JOIN district d ON d.id = r.district_id
           JOIN district a ON a.level = 'market_area' AND d.path LIKE a.path || '%'
           JOIN district c ON c.level = 'county' AND d.path LIKE c.path || '%'
          WHERE s.brand_id = $1 AND s.month IN ($2, $3)`,
        [brandId, `${MONTH}-01`, `${PREVIOUS}-01`],
      )
    ).map((sale: Sale) => ({ ...sale, cartons: Number(sale.cartons) }));
  }, 180_000);
  afterAll(() => t.close());

  /** Every cell of fewer than the minimum retailers in the month, over every grouping the API allows. */
  function smallCells(): Target[] {
    return groupings(4).flatMap((grouping) =>
      trueCells(sales, [MONTH], grouping)
        .filter(({ truth }) => truth.count < minimum)
        .map(({ cell, truth }) => ({
          label: `${grouping.join('×') || 'total'} ${JSON.stringify(cell)}`,
          month: MONTH,
          cell,
          truth,
        })),
    );
  }

  async function collect(): Promise<{ oneRequest: Answer[]; all: Answer[] }> {
    const pairs = groupings(2);
    const oneRequest = await ask([MONTH], pairs);
    const finer = groupings(4).filter((grouping) => grouping.length > 2);
    const all = [
      ...oneRequest,
      ...(await ask([MONTH], finer)),
      ...(await ask([PREVIOUS, MONTH], pairs)),
      ...(await ask([PREVIOUS], pairs)),
    ];
    return { oneRequest, all };
  }

  const summary = (recoveries: Recovery[]) =>
    recoveries
      .filter((recovery) => recovery.determined)
      .map((recovery) => ({
        cell: recovery.target.label,
        truth: recovery.target.truth,
        estimate: recovery.estimate,
        countBound: recovery.countBound,
      }));

  it('should recover no small cell', async () => {
    expect(pairsCount()).toBe(15);
    const targets = smallCells();
    expect(targets.length).toBeGreaterThan(20);
    const { oneRequest, all } = await collect();
    const found: unknown[] = [];
    for (const answers of [oneRequest, all]) {
      const { recoveries } = differencingAttack({ answers, targets, countNoiseBound: 0, minimum });
      const exact = recoveries.filter(
        (recovery) =>
          recovery.determined &&
          Math.abs(recovery.error.cartons) < 0.005 &&
          Math.abs(recovery.error.amount) < 0.005,
      );
      console.log(
        `${answers.length} answers, ${targets.length} small cells, ${recoveries.filter((r) => r.determined).length} determined, ${exact.length} exact`,
        JSON.stringify(summary(exact).slice(0, 5)),
      );
      found.push(...summary(exact));
    }
    expect(found).toEqual([]);
  });
});

const pairsCount = () => groupings(2).length;
