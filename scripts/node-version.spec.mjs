import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimumOf, unsupportedNodeMessage } from './node-version.mjs';

describe('the Node.js version check of npm start and npm test', () => {
  it('should accept the minimum and anything newer', () => {
    for (const version of ['20.19.0', '20.20.2', '21.0.0', '22.12.0', '24.1.0']) {
      expect(unsupportedNodeMessage(version, '>=20.19')).toBeNull();
    }
  });

  it('should refuse an older Node with the version it needs', () => {
    for (const version of ['20.18.3', '18.20.4', '16.0.0']) {
      expect(unsupportedNodeMessage(version, '>=20.19')).toContain('needs Node.js 20.19.0 or newer');
    }
  });

  it('should refuse an engines range it cannot read rather than skip the check', () => {
    expect(() => minimumOf('^20.19 || >=22')).toThrow('engines.node');
    expect(() => minimumOf(undefined)).toThrow('engines.node');
  });

  it('should stop the command with exit code 1 before anything else runs', () => {
    const directory = mkdtempSync(join(tmpdir(), 'node-version-'));
    const packageJson = join(directory, 'package.json');
    writeFileSync(packageJson, JSON.stringify({ engines: { node: '>=999' } }));
    const script = `import('${join(__dirname, 'node-version.mjs')}').then((m) => { m.requireSupportedNode(${JSON.stringify(packageJson)}); console.log('went on'); })`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Node.js ${process.versions.node} is too old`);
    expect(result.stdout).not.toContain('went on');
  });
});
