// The first thing the README's two commands do: a clear message on an unsupported Node, before the install
// prints engine warnings or a dependency fails in some obscure way. Plain Node, no dependencies.
import { readFileSync } from 'node:fs';

/** The minimum of an `engines.node` range of the form `>=X[.Y[.Z]]`, as [major, minor, patch]. */
export function minimumOf(range) {
  const match = /^\s*>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? '');
  if (!match) throw new Error(`package.json engines.node must be ">=X.Y.Z", not ${JSON.stringify(range)}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** Why `actual` (e.g. "18.19.0") cannot run the product, or null when it can. */
export function unsupportedNodeMessage(actual, range) {
  const minimum = minimumOf(range);
  const version = actual.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    if ((version[i] ?? 0) > minimum[i]) return null;
    if ((version[i] ?? 0) < minimum[i]) {
      return (
        `✗ Node.js ${actual} is too old: this product needs Node.js ${minimum.join('.')} or newer ` +
        `(package.json "engines"). Install a current LTS (22 or 24) or 20.19+, then run the command again.`
      );
    }
  }
  return null;
}

export function requireSupportedNode(packageJsonPath) {
  const { engines } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  const message = unsupportedNodeMessage(process.versions.node, engines?.node);
  if (message) {
    console.error(message);
    process.exit(1);
  }
}
