// Shared by the README's two commands. Plain Node (no dependencies) so it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Pinned in package.json `pnpmVersion`, not `packageManager`: with that field pnpm 12 wants to record its
// version in the lockfile, and a frozen install then fails for a version its registry metadata omits.
export const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).pnpmVersion;

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** pnpm itself: the pinned version if it is on PATH, else through npx (only Node is required). */
export function pnpm(args, options) {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim() === PNPM_VERSION) return run('pnpm', args, options);
  return run('npx', ['--yes', `pnpm@${PNPM_VERSION}`, ...args], options);
}

/** Installs when the lockfile changed since the last install, then builds the TypeScript packages. */
export function installAndBuild({ web = true } = {}) {
  const stamp = join(ROOT, 'node_modules', '.install-stamp');
  const lockHash = createHash('sha256')
    .update(readFileSync(join(ROOT, 'pnpm-lock.yaml')))
    .digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
    console.log('• Installing dependencies (pnpm install --frozen-lockfile)');
    pnpm(['install', '--frozen-lockfile']);
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, lockHash);
  }
  console.log('• Building');
  pnpm(['run', 'build:ts']);
  if (web) pnpm(['--filter', '@tms/web', 'run', 'build']);
}
