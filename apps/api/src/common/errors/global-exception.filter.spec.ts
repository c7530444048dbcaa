import { BadRequestException, type ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { NotFoundError } from './app-error';
import { GlobalExceptionFilter, toAppError } from './global-exception.filter';

function httpHost() {
  const response = {
    statusCode: 0,
    body: undefined as unknown,
    headersSent: false,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, response };
}

describe('GlobalExceptionFilter', () => {
  it('should answer an unexpected error with a generic 500 that shows nothing internal', () => {
    const { host, response } = httpHost();
    new GlobalExceptionFilter().catch(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=secret'), host);
    expect(response.statusCode).toBe(500);
    expect(response.body).toEqual({
      code: 'INTERNAL',
      message: 'Internal error; quote request id req-1',
      requestId: 'req-1',
    });
  });

  it('should keep the code, message and details of a known error', () => {
    const { host, response } = httpHost();
    new GlobalExceptionFilter().catch(new NotFoundError('Customer', 7), host);
    expect(response.statusCode).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: 'Customer 7 was not found' });
  });
});

describe('toAppError', () => {
  it('should map a unique violation to DUPLICATE without the SQL', () => {
    const error = new QueryFailedError(
      'INSERT INTO retailer ...',
      [],
      Object.assign(new Error('dup'), { code: '23505' }),
    );
    const mapped = toAppError(error);
    expect(mapped?.code).toBe('DUPLICATE');
    expect(mapped?.message).not.toContain('INSERT');
  });

  it('should map Nest HTTP exceptions and multer limits', () => {
    expect(toAppError(new BadRequestException('bad'))?.code).toBe('BAD_REQUEST');
    expect(toAppError({ code: 'LIMIT_FILE_SIZE', message: 'File too large' })?.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('should not claim to know an arbitrary error', () => {
    expect(toAppError(new TypeError('x is undefined'))).toBeNull();
  });
});
