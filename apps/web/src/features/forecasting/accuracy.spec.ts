import { accuracyOverTime, brandRows, levelRows, type AccuracyRow } from './accuracy';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

const row = (overrides: Partial<AccuracyRow>): AccuracyRow => ({
  runId: A,
  period: '2026-10',
  level: 'company',
  key: '*',
  keyName: null,
  seriesCount: 10,
  actual: 100,
  forecast: 98,
  agreement: 0.98,
  wape: 0.05,
  bias: -0.02,
  scaledError: 0.7,
  ...overrides,
});

describe(accuracyOverTime.name, () => {
  it('should take, for each period, the published run that forecast it from closest', () => {
    // Run A was for 2026-09 (scores 09 and 10), run B for 2026-10 (scores 10).
    const runMonths = new Map([
      [A, '2026-09'],
      [B, '2026-10'],
    ]);
    const rows = [
      row({ runId: A, period: '2026-09', agreement: 0.9 }),
      row({ runId: A, period: '2026-10', agreement: 0.8 }),
      row({ runId: A, period: '2026-10', level: 'brand', agreement: 0.7 }),
      row({ runId: B, period: '2026-10', agreement: 0.97 }),
      row({ runId: B, period: '2026-10', level: 'brand', key: '5', agreement: 0.5 }),
    ];
    const over = accuracyOverTime(rows, runMonths);
    expect(over.periods).toEqual(['2026-09', '2026-10']);
    expect(over.agreement.company).toEqual([0.9, 0.97]);
    expect(over.agreement.brand).toEqual([null, null]);
    expect(over.runs.get('2026-10')).toBe(B);
  });
});

describe('accuracy tables', () => {
  it('should order the levels from the company down and list brands by volume', () => {
    const rows = [
      row({ level: 'retailer' }),
      row({ level: 'company' }),
      row({ level: 'brand', key: '2', keyName: '红塔山', actual: 10 }),
      row({ level: 'brand', key: '1', keyName: '黄鹤楼', actual: 50 }),
      row({ level: 'brand' }),
    ];
    expect(levelRows(rows).map((r) => r.level)).toEqual(['company', 'brand', 'retailer']);
    expect(brandRows(rows).map((r) => r.keyName)).toEqual(['黄鹤楼', '红塔山']);
  });
});
