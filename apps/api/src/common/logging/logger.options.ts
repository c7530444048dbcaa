import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Environment } from '../../config/environment';

/** Query parameters that may carry personal data (a phone number or a name typed into search). */
const PERSONAL_QUERY_PARAMETERS = ['search', 'phone', 'ownerName', 'name'];

export function maskUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  if (!query) return path;
  const params = new URLSearchParams(query);
  for (const key of PERSONAL_QUERY_PARAMETERS) if (params.has(key)) params.set(key, '***');
  return `${path}?${params.toString()}`;
}

/** JSON logs with the request id on every line; bodies are never logged, personal fields are redacted. */
export function loggerOptions(env: Environment): Params {
  return {
    pinoHttp: {
      level: env.LOG_LEVEL,
      // The id was set by requestIdMiddleware, which runs first.
      genReqId: (req: IncomingMessage) => String((req as IncomingMessage & { id?: unknown }).id),
      customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: unknown }).id }),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: maskUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.phone',
          '*.ownerName',
          '*.owner_name',
          '*.address',
          '*.birthday',
          '*.password',
          'err.parameters',
          'err.driverError.parameters',
        ],
        censor: '***',
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') },
    },
  };
}
