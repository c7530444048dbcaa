import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

const sharedDirectives = {
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The SPA gets a strict policy: its bundles are files, so no inline script is ever needed. Styles stay
 * inline-capable because antd writes its CSS-in-JS into <style> elements at run time.
 */
export const strictSecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      ...sharedDirectives,
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
  },
});

const thirdPartyPages = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      ...sharedDirectives,
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'", 'https:'],
      'img-src': ["'self'", 'data:', 'https:'],
    },
  },
});

/**
 * `thirdPartyPaths`: pages we do not build ourselves and that need inline scripts (Swagger UI, Apollo's
 * page, bull-board); everything else, the SPA first, gets the strict policy.
 */
export function securityHeaders(thirdPartyPaths: readonly string[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const loose = thirdPartyPaths.some(
      (prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`),
    );
    (loose ? thirdPartyPages : strictSecurityHeaders)(request, response, next);
  };
}

/** API answers carry personal data (names, phones, sales): no browser or proxy may keep a copy. */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
