import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** Streams text in PostgreSQL's COPY text format into `COPY … FROM STDIN`. */
export async function copyIn(client: Client, sql: string, chunks: readonly string[]): Promise<void> {
  const target = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks), target);
}

/** Streams the output of `COPY … TO STDOUT` into a file, after `prefix`. */
export async function copyOutToFile(client: Client, sql: string, path: string, prefix = ''): Promise<void> {
  const target = createWriteStream(path);
  if (prefix) target.write(prefix);
  const source = client.query(copyTo(sql));
  await pipeline(source, target);
}
