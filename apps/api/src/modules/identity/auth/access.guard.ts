import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../../../common/errors/app-error';
import { enterContext, type RequestContext } from '../../../common/http/request-context';
import { ACCESS_RULE, requestOf, type AccessRule } from './access.decorators';
import { PrincipalsService } from './principals.service';

/**
 * The one place access is decided, for every REST route and every GraphQL resolver and field resolver.
 * A route without an explicit rule is denied, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = requestOf(context);
    const requestContext: RequestContext = (request as { context?: RequestContext }).context ?? {
      requestId: String(request.id ?? ''),
    };
    if (!request.principal) {
      const authorization = request.headers.authorization;
      const apiKey = request.headers['x-api-key'];
      if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
        request.principal = await this.principals.fromAccessToken(authorization.slice(7).trim());
      } else if (typeof apiKey === 'string' && apiKey) {
        request.principal = await this.principals.fromApiKey(apiKey);
      }
    }
    requestContext.principal = request.principal;
    enterContext(requestContext);
    if (!rule) throw new AppError('FORBIDDEN', 'This operation has no access rule and is denied');
    if (rule.public) return true;
    if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API key');
    if (rule.staffOnly && request.principal.kind !== 'user') {
      throw new AppError('FORBIDDEN', 'Only signed-in staff may do this');
    }
    if (
      request.principal.kind === 'user' &&
      request.principal.mustChangePassword &&
      !rule.duringPasswordChange
    ) {
      throw new AppError(
        'PASSWORD_CHANGE_REQUIRED',
        'Replace the initial password first: until then only the password change and sign-out are open',
      );
    }
    const missing = rule.permissions.filter((permission) => !request.principal!.permissions.has(permission));
    if (missing.length) {
      throw new AppError('FORBIDDEN', 'You are not allowed to do this', { missing });
    }
    return true;
  }
}
