import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { GqlArgumentsHost, type GqlContextType } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { HostileInputError } from '../validation/hostile-input';
import { AppError, type ErrorCode } from './app-error';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Multer reports upload limits as plain errors with a code. */
function isMulterLimit(error: unknown): error is { code: string; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('LIMIT_')
  );
}

/**
 * Maps every error to one shape. Known errors keep their message; anything unexpected is logged with its
 * stack and answered with a generic message and the request id, never internals.
 */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof HostileInputError) return new AppError('BAD_REQUEST', error.message, error.details);
  if (isMulterLimit(error)) {
    return error.code === 'LIMIT_FILE_SIZE'
      ? new AppError('PAYLOAD_TOO_LARGE', 'The uploaded file is larger than the limit')
      : new AppError('BAD_REQUEST', `Upload rejected: ${error.message}`);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    // A health check that fails is the one expected 5xx: its body says which dependency is down.
    if (status === 503) return new AppError('UNAVAILABLE', 'A dependency is unavailable', response);
    if (status >= 500) return null;
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message.join('; ') as string)
          : String((response as { message?: unknown }).message ?? error.message);
    return new AppError(HTTP_STATUS_CODES[status] ?? 'BAD_REQUEST', message);
  }
  if (error instanceof QueryFailedError) {
    const driverCode = (error.driverError as { code?: string } | undefined)?.code;
    if (driverCode === '23505')
      return new AppError('DUPLICATE', 'A record with the same unique key already exists');
    if (driverCode === '23503') return new AppError('UNPROCESSABLE', 'A referenced record does not exist');
  }
  return null;
}

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): unknown {
    const known = toAppError(error);
    if (host.getType<GqlContextType>() === 'graphql') {
      const context = GqlArgumentsHost.create(host).getContext<{ req?: Request }>();
      const requestId = String(context.req?.id ?? '');
      if (!known) this.logger.error({ err: error, requestId }, 'Unexpected error in GraphQL');
      return new GraphQLError(known ? known.message : 'Internal error', {
        extensions: { code: known?.code ?? 'INTERNAL', details: known?.details, requestId },
      });
    }
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = String(request.id ?? '');
    if (!known) this.logger.error({ err: error, requestId }, 'Unexpected error');
    const body: ErrorBody = known
      ? { code: known.code, message: known.message, details: known.details, requestId }
      : { code: 'INTERNAL', message: `Internal error; quote request id ${requestId}`, requestId };
    if (response.headersSent) return undefined;
    const retryAfter = (known?.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (
      known?.code === 'RATE_LIMITED' &&
      typeof retryAfter === 'number' &&
      !response.getHeader('retry-after')
    ) {
      response.setHeader('retry-after', String(retryAfter));
    }
    response.status(known?.status ?? 500).json(body);
    return undefined;
  }
}
