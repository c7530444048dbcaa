import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Refresh tokens and API key secrets are 256 random bits; storing their SHA-256 is enough. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export const API_KEY_PATTERN = /^tms_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/** `tms_<prefix>_<secret>`: the prefix finds the key, the secret proves it. */
export function newApiKey(): { prefix: string; secret: string; key: string } {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
  const secret = randomToken(32);
  return { prefix, secret, key: `tms_${prefix}_${secret}` };
}
