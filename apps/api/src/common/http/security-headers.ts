import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { enterContext, type RequestContext } from './request-context';

/** Pages we do not build ourselves and that need inline scripts: Swagger UI, Apollo's page, bull-board. */
const THIRD_PARTY_PAGES = ['/api/docs', '/graphql', '/admin/queues'];

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
const strict = helmet({
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

export function securityHeaders() {
  return (request: Request, response: Response, next: NextFunction): void => {
    const loose = THIRD_PARTY_PAGES.some(
      (prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`),
    );
    (loose ? thirdPartyPages : strict)(request, response, next);
  };
}

/** API answers carry personal data (names, phones, sales): no browser or proxy may keep a copy. */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Body parsing resumes the request from socket events, which loses the context the request-id middleware
 * opened; entering it again here lets everything mounted outside Nest's guards (GraphQL's own refusals,
 * the queue dashboard) read the request id.
 */
export function reenterRequestContext(
  request: Request & { context?: RequestContext },
  _response: Response,
  next: NextFunction,
): void {
  if (request.context) enterContext(request.context);
  next();
}
