import type { NextFunction, Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strictSecurityHeaders } from './security-headers';

function strictPolicy(): string {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    removeHeader: () => undefined,
  } as unknown as Response;
  strictSecurityHeaders({} as Request, response, (() => undefined) as NextFunction);
  return headers.get('content-security-policy') ?? '';
}

describe('the SPA content security policy', () => {
  it('should allow no inline script', () => {
    expect(strictPolicy()).toMatch(/(^|;)script-src 'self'(;|$)/);
  });

  it('should be the policy nginx sends with the SPA in the Docker image, word for word', () => {
    const nginx = readFileSync(join(__dirname, '../../../../../docker/nginx.conf'), 'utf8');
    const sent = /add_header Content-Security-Policy "([^"]+)" always;/.exec(nginx)?.[1];
    expect(sent).toBe(strictPolicy());
  });
});
