import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  /** Count of each non-200 status, e.g. { 429: 3 }. */
  errorStatuses: Record<number, number>;
  seconds: number;
  latenciesMs: number[];
}

/** One GET over a keep-alive agent; resolves with the latency in milliseconds. */
function get(agent: Agent, base: URL, path: string, token: string): Promise<{ ms: number; status: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        agent,
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode ?? 0 }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * A closed-loop load: `concurrency` clients each send the next request as soon as the previous answers,
 * for `seconds`. (No load-testing package is in the dependency tree; this loop is all the benchmark needs.)
 */
export async function runLoad(options: {
  baseUrl: string;
  concurrency: number;
  seconds: number;
  nextPath: () => string;
  token: string;
}): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  let errors = 0;
  const errorStatuses: Record<number, number> = {};
  const deadline = Date.now() + options.seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (Date.now() < deadline) {
        const { ms, status } = await get(agent, base, options.nextPath(), options.token);
        if (status !== 200) {
          errors++;
          errorStatuses[status] = (errorStatuses[status] ?? 0) + 1;
        }
        latenciesMs.push(ms);
      }
    }),
  );
  agent.destroy();
  return {
    requests: latenciesMs.length,
    errors,
    errorStatuses,
    seconds: (Date.now() - started) / 1000,
    latenciesMs,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
