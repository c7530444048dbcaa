import type { NextFunction, Request, Response } from 'express';

/** How deeply a JSON body may nest objects and arrays. Our deepest input is a few levels. */
export const MAX_JSON_DEPTH = 32;

const NUL_MESSAGE = 'Text must not contain the NUL character (U+0000)';

/**
 * A refusal body-parser passes on with its own status (http-errors keeps an error's `status`); the global
 * filter answers it in the error shape (see `toAppError`).
 */
export class HostileInputError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;
  readonly type = 'entity.hostile';
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HostileInputError';
  }
}

function refusal(message: string, details?: unknown): HostileInputError {
  return new HostileInputError(message, details);
}

/**
 * Checks a JSON body's raw text before it is parsed, in one pass: nesting deeper than MAX_JSON_DEPTH (which
 * would overflow the stack of everything that walks it) and a NUL escape (`\u0000`) inside a string (PostgreSQL
 * refuses NUL in text). Used as `express.json({ verify })`, so REST and GraphQL bodies alike are refused with 400.
 */
export function checkJsonText(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) {
        if (text.startsWith('u0000', i + 1)) throw refusal(NUL_MESSAGE);
        i++;
      } else if (char === 0x22 /* " */) {
        inString = false;
      }
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH)
        throw refusal(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`, {
          limit: MAX_JSON_DEPTH,
        });
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    }
  }
}

/** `verify` for express.json. */
export function verifyJsonBody(_req: Request, _res: Response, buffer: Buffer): void {
  checkJsonText(buffer.toString('utf8'));
}

/** Whether a value (a string, or any string inside an object or array) contains NUL. Returns the path. */
export function findNul(value: unknown, path = '', seen = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : undefined;
  if (seen > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = findNul(child, childPath, seen + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses a NUL byte anywhere in the URL (path or query, `%00`) with 400 in the error shape, before any
 * route sees it.
 */
export function rejectNulInUrl(req: Request, _res: Response, next: NextFunction): void {
  if (/%00/i.test(req.originalUrl ?? req.url)) return next(refusal(`${NUL_MESSAGE}: found in the URL`));
  next();
}

export { NUL_MESSAGE };
