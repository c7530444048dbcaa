import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../../common/errors/app-error';
import type { PrincipalsService } from './principals.service';

/** Cookie set at sign-in for users who may open the queue dashboard (a browser page, so no bearer header). */
export const QUEUE_DASHBOARD_COOKIE = 'tms_queues';

export function queueDashboardAccess(principals: PrincipalsService) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ')
      ? header.slice(7)
      : (request.cookies as Record<string, string> | undefined)?.[QUEUE_DASHBOARD_COOKIE];
    try {
      if (!token)
        throw new AppError('UNAUTHENTICATED', 'Sign in as an administrator to open the queue dashboard');
      const principal = await principals.fromAccessToken(token);
      if (principal.kind === 'user' && principal.mustChangePassword) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Replace the initial password first');
      }
      if (!principal.permissions.has('queues:admin')) {
        throw new AppError('FORBIDDEN', 'Only administrators may open the queue dashboard');
      }
      next();
    } catch (error) {
      const known = error instanceof AppError ? error : new AppError('UNAUTHENTICATED', 'Not signed in');
      response.status(known.status).json({ code: known.code, message: known.message, requestId: request.id });
    }
  };
}
