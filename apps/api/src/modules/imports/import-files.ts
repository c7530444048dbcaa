import type { Request } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { StorageEngine } from 'multer';

/** Where an import's upload and error report live: `<IMPORT_DIR>/<import id>/`. */
export class ImportFiles {
  readonly root: string;

  constructor(importDir: string) {
    this.root = resolve(importDir);
  }

  uploadsDir(): string {
    return join(this.root, 'uploads');
  }

  dir(id: string): string {
    return join(this.root, id);
  }

  upload(id: string): string {
    return join(this.dir(id), 'upload.csv');
  }

  report(id: string): string {
    return join(this.dir(id), 'errors.csv');
  }

  /** Moves a finished upload under its import's folder. */
  async adopt(id: string, uploadedPath: string): Promise<string> {
    mkdirSync(this.dir(id), { recursive: true });
    const target = this.upload(id);
    await rename(uploadedPath, target);
    return target;
  }

  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}

/** Multer's file plus the SHA-256 computed while it was written. */
export interface HashedUpload extends Express.Multer.File {
  sha256: string;
}

/**
 * Multer storage that writes the upload to disk and hashes it on the way, so a 1 GB file is read once and
 * never held in memory. Multer enforces the size limit and calls `_removeFile` when it trips.
 */
export class HashingDiskStorage implements StorageEngine {
  constructor(private readonly directory: string) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<HashedUpload>) => void,
  ): void {
    mkdirSync(this.directory, { recursive: true });
    const path = join(this.directory, `${randomUUID()}.csv`);
    const hash = createHash('sha256');
    let size = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk);
        size += chunk.length;
        next(null, chunk);
      },
    });
    pipeline(file.stream, hasher, createWriteStream(path)).then(
      () => callback(null, { path, size, sha256: hash.digest('hex') }),
      (error: unknown) => {
        void rm(path, { force: true });
        callback(error);
      },
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}
