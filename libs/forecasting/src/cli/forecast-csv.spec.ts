import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvError } from '../csv';
import { main, parseForecastCsvArgs, runForecastCsv } from './forecast-csv';
import { UsageError } from './args';

const dir = mkdtempSync(join(tmpdir(), 'forecast-csv-'));

function input(rows: string[]): string {
  const p = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(p, ['series_id,period,value', ...rows].join('\n') + '\n');
  return p;
}

function series(id: string, n: number, f: (t: number) => number): string[] {
  return Array.from(
    { length: n },
    (_, t) => `${id},${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${f(t)}`,
  );
}

describe('forecast:csv', () => {
  it('should write the long output with intervals', async () => {
    const inFile = input([
      ...series('a', 36, (t) => 100 + (t % 12)),
      ...series('b', 30, (t) => (t % 4 === 0 ? 2 : 0)),
    ]);
    const out = join(dir, 'out.csv');
    const r = await runForecastCsv(
      {
        input: inFile,
        output: out,
        horizon: 3,
        method: 'ensemble',
        holidays: 'spring-festival',
        wholeUnits: true,
      },
      () => undefined,
    );
    expect(r).toMatchObject({ series: 2, rows: 6 });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('series_id,period,forecast,lo80,hi80,lo95,hi95');
    expect(lines[1]).toMatch(/^a,2023-01,\d+,\d+,\d+,\d+,\d+$/);
    expect(lines[4]).toMatch(/^b,2022-07,/);
  });

  it.each([
    ['a malformed row', ['a,2020-01,1', 'a,2020-02;3'], /line 3: expected 3 columns/],
    ['a gap', ['a,2020-01,1', 'a,2020-03,1'], /line 3: gap in series a: 2020-02\.\.2020-02 missing/],
    ['a duplicate', ['a,2020-01,1', 'a,2020-01,2'], /line 3: duplicate period 2020-01 for series a/],
    ['a negative value', ['a,2020-01,1', 'a,2020-02,-1'], /line 3: value -1 is negative/],
    ['a non-numeric value', ['a,2020-01,1', 'a,2020-02,abc'], /line 3: value "abc" is not a number/],
  ])('should reject %s with its line number', async (_name, rows, message) => {
    const run = runForecastCsv({
      input: input(rows),
      output: join(dir, 'x.csv'),
      horizon: 1,
      method: 'naive',
      holidays: 'none',
      wholeUnits: false,
    });
    await expect(run).rejects.toThrow(CsvError);
    await expect(run).rejects.toThrow(message);
  });

  it('should validate its options', () => {
    expect(() => parseForecastCsvArgs(['--input', 'a', '--output', 'b', '--horizon', '0'])).toThrow(
      UsageError,
    );
    expect(() =>
      parseForecastCsvArgs(['--input', 'a', '--output', 'b', '--horizon', '2', '--method', 'magic']),
    ).toThrow(UsageError);
    expect(
      parseForecastCsvArgs([
        '--input',
        'a',
        '--output',
        'b',
        '--horizon',
        '2',
        '--holidays',
        'none',
        '--whole-units',
      ]),
    ).toEqual({
      input: 'a',
      output: 'b',
      horizon: 2,
      method: 'ensemble',
      holidays: 'none',
      wholeUnits: true,
      holidaysPerSeries: false,
    });
  });

  it('should exit non-zero on bad input', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        await main(['--input', input(['a,2020-01,-5']), '--output', join(dir, 'y.csv'), '--horizon', '1']),
      ).toBe(1);
      expect(String(err.mock.calls[0][0])).toMatch(/line 2: value -5 is negative/);
      expect(await main(['--horizon', '1'])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
