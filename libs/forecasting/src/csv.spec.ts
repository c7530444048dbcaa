import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvError, readLongSeries } from './csv';

const dir = mkdtempSync(join(tmpdir(), 'forecasting-csv-'));
let k = 0;
function file(text: string): string {
  const p = join(dir, `in-${k++}.csv`);
  writeFileSync(p, text);
  return p;
}

async function issues(text: string): Promise<string[]> {
  try {
    await readLongSeries(file(text));
  } catch (e) {
    if (e instanceof CsvError) return e.issues.map((i) => `${i.line}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('readLongSeries', () => {
  it('should read series in any row order, stripping quotes', async () => {
    const s = await readLongSeries(file('series_id,period,value\n"a",2026-02,2\nb,2026-01,5\na,2026-01,1\n'));
    expect(s.map((x) => [x.id, x.start, Array.from(x.values)])).toEqual([
      ['a', '2026-01', [1, 2]],
      ['b', '2026-01', [5]],
    ]);
  });

  it('should name the line and the reason of malformed rows', async () => {
    expect(
      await issues('series_id,period,value\na,2026-01,1\na,2026-1,2\na,2026-03,x\na,2026-04,-3\na,2026-05\n'),
    ).toEqual([
      '3: period "2026-1" is not YYYY-MM',
      '4: value "x" is not a number',
      '5: value -3 is negative',
      '6: expected 3 columns (series_id,period,value), got 2',
    ]);
  });

  it('should report gaps and duplicates with line numbers', async () => {
    expect(
      await issues('series_id,period,value\na,2026-01,1\na,2026-04,2\nb,2026-01,1\nb,2026-01,2\n'),
    ).toEqual([
      '3: gap in series a: 2026-02..2026-03 missing (after line 2)',
      '5: duplicate period 2026-01 for series b (first at line 4)',
    ]);
  });

  it('should reject a wrong header', async () => {
    expect((await issues('id,month,qty\na,2026-01,1\n'))[0]).toMatch(
      /^1: header must start with series_id,period,value/,
    );
  });
});
