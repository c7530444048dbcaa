import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A throw-away administrator for a benchmark run against a real database: created directly in the table
 * (there may be no admin password to hand), signed in through the API, removed afterwards.
 */
export async function withBenchUser<T>(
  databaseUrl: string,
  work: (signIn: (baseUrl: string) => Promise<string>) => Promise<T>,
): Promise<T> {
  const username = `bench.${randomBytes(4).toString('hex')}`;
  const password = `Bench-${randomBytes(12).toString('base64url')}9`;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, version) VALUES ($1, 'benchmark', $2, '{admin}', 1)`,
    [username, await hash(password)],
  );
  try {
    return await work(async (baseUrl) => {
      const response = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!response.ok) throw new Error(`bench sign-in failed: ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    });
  } finally {
    await db.query('DELETE FROM app_user WHERE username = $1', [username]);
    await db.end();
  }
}
