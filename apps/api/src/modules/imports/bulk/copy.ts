import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** Streams text in PostgreSQL's COPY text format into `COPY … FROM STDIN`. */
export async function copyIn(client: Client, sql: string, chunks: readonly string[]): Promise<void> {
  const target = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks), target);
}

/** The output of `COPY … TO STDOUT`, as a stream. */
export function copyOut(client: Client, sql: string): Readable {
  return client.query(copyTo(sql));
}
