/** Tiny `--name value` / `--flag` parser for the CLIs. */
export class UsageError extends Error {}

export function parseArgs(
  argv: readonly string[],
  flags: readonly string[],
  valued: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument ${a}`);
    let name = a.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if (flags.includes(name)) {
      out.set(name, value ?? 'true');
    } else if (valued.includes(name)) {
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      }
      out.set(name, value);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return out;
}
