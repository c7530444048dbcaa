import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngineBench } from './engine';

describe('runEngineBench', () => {
  it('should time every method and score a train/test folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const t = from + i;
        return `s1,${2000 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${100 + 10 * Math.sin(t)}`;
      });
    writeFileSync(join(dir, 'train.csv'), ['series_id,period,value', ...rows(0, 48)].join('\n'));
    writeFileSync(join(dir, 'test.csv'), ['series_id,period,value', ...rows(48, 6)].join('\n'));
    const lines: string[] = [];
    const r = await runEngineBench({
      series: 40,
      methods: ['seeds', 'ensemble', 'naive2'],
      dataDir: dir,
      log: (l) => lines.push(l),
    });
    expect(r.speed.map((s) => s.method)).toEqual(['seeds', 'ensemble', 'naive2']);
    expect(r.speed.every((s) => s.seriesPerSecond > 0)).toBe(true);
    expect(r.accuracy?.rows.map((a) => a.method)).toEqual(['seeds', 'ensemble', 'naive2']);
    expect(r.accuracy?.rows[2].owa).toBeCloseTo(1, 12);
    expect(lines.join('\n')).toContain('accuracy:');
  });

  it('should skip the accuracy part when the folder has no data', async () => {
    const lines: string[] = [];
    const r = await runEngineBench({
      series: 10,
      methods: ['naive'],
      dataDir: join(tmpdir(), 'no-such-folder-xyz'),
      log: (l) => lines.push(l),
    });
    expect(r.accuracy).toBeNull();
    expect(lines.join('\n')).toMatch(/accuracy: skipped/);
  });
});
