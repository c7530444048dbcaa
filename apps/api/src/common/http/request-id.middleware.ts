import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { enterContext, runInContext, type RequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (the caller's, if it is a safe token) before anything else runs, so REST,
 * GraphQL (mounted outside Nest's router) and the queue dashboard all carry it in logs and answers. It also
 * opens the request's context, where authentication puts the principal.
 */
export function requestIdMiddleware(
  req: IncomingMessage & { id?: unknown; context?: RequestContext },
  res: ServerResponse,
  next: () => void,
): void {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  req.context = { requestId: id };
  runInContext(req.context, next);
}

/**
 * Body parsing resumes the request from socket events, which loses the context opened above; entering it
 * again after the parsers lets everything mounted outside Nest's guards (GraphQL's own refusals, the queue
 * dashboard) read the request id.
 */
export function reenterRequestContext(
  req: IncomingMessage & { context?: RequestContext },
  _res: ServerResponse,
  next: () => void,
): void {
  if (req.context) enterContext(req.context);
  next();
}
