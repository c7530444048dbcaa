import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { rm } from 'node:fs/promises';
import { catchError, type Observable, throwError } from 'rxjs';

/**
 * The upload is on disk before the form fields are validated: when validation (or anything before the
 * service adopts the file) fails, the file is removed instead of piling up under IMPORT_DIR.
 */
@Injectable()
export class DiscardUploadOnError implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const path = request.file?.path;
        if (path) void rm(path, { force: true });
        return throwError(() => error);
      }),
    );
  }
}
