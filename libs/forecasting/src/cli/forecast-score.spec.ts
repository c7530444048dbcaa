import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreFiles } from './forecast-score';

const dir = mkdtempSync(join(tmpdir(), 'forecast-score-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('forecast:score', () => {
  it('should score sMAPE, MASE, OWA and coverage against hand values', async () => {
    // non-seasonal history 1..5 (m = 12 > n, so the MASE scale is the lag-1 one: 1); Naive2 = naive = 5
    const train = write(
      'train.csv',
      'series_id,period,value\n' + [1, 2, 3, 4, 5].map((v, i) => `s,2026-0${i + 1},${v}`).join('\n'),
    );
    const actuals = write('actuals.csv', 'series_id,period,value\ns,2026-06,6\ns,2026-07,8\n');
    const fc = write(
      'fc.csv',
      'series_id,period,forecast,lo80,hi80,lo95,hi95\ns,2026-06,6,5,7,4,8\ns,2026-07,6,5,7,4,9\n',
    );
    const r = await scoreFiles({ forecast: fc, actuals, train });
    expect(r.smape).toBeCloseTo((0 + (200 * 2) / 14) / 2, 10);
    expect(r.mase).toBeCloseTo(1, 10); // (0 + 2) / 2 / 1
    expect(r.naive2Mase).toBeCloseTo(2, 10); // (1 + 3) / 2
    expect(r.owa).toBeCloseTo(0.5 * (r.smape / r.naive2Smape + 0.5), 10);
    expect(r.coverage80).toBe(0.5);
    expect(r.coverage95).toBe(1);
  });
});
