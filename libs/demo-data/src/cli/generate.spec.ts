import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_FILES } from '../files';
import { writeDemoData } from '../write';
import { parseArgs } from './generate';

describe('generate CLI', () => {
  describe('parseArgs', () => {
    it('should read scale, output, seed and the issues flag', () => {
      expect(parseArgs(['--scale', 'town', '--out', 'x', '--seed', '7', '--with-issues'])).toMatchObject({
        scale: 'town',
        out: 'x',
        seed: 7,
        withIssues: true,
      });
    });

    it('should reject an unknown scale, a missing value and unknown flags', () => {
      expect(() => parseArgs(['--scale', 'huge', '--out', 'x'])).toThrow(/unknown scale/);
      expect(() => parseArgs(['--scale', 'small', '--out'])).toThrow(/needs a value/);
      expect(() => parseArgs(['--scale', 'small', '--out', 'x', '--fast'])).toThrow(/unknown argument/);
      expect(() => parseArgs(['--out', 'x'])).toThrow(/required/);
    });
  });

  describe('writeDemoData', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'demo-data-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('should write every file, count the order lines and write the manifest', async () => {
      const result = await writeDemoData(dir, { scale: 'small', withDataQualityIssues: true });
      const files = await readdir(dir);
      for (const name of Object.values(DEMO_FILES)) expect(files).toContain(name);
      expect(files).toContain('manifest.json');
      const orderLines = await readFile(join(dir, DEMO_FILES.orderLines), 'latin1');
      expect(result.counts.orderLines).toBe(orderLines.split('\n').length - 2);
      expect(result.counts.retailers).toBe(500);
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest).toEqual(result.manifest);
    });
  });
});
