import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Permission } from '@tms/domain';
import type { Request } from 'express';
import type { Principal } from '../../../common/http/request-context';

export const ACCESS_RULE = 'tms:access-rule';

export type AccessRule =
  | { public: true }
  | { public: false; permissions: Permission[]; staffOnly?: boolean; duringPasswordChange?: boolean };

/** The route needs a signed-in principal holding every one of these permissions. */
export const Allow = (...permissions: [Permission, ...Permission[]]) =>
  SetMetadata(ACCESS_RULE, { public: false, permissions } satisfies AccessRule);

/** Any signed-in member of staff (their own profile, password); never an API key. */
export const SignedIn = () =>
  SetMetadata(ACCESS_RULE, { public: false, permissions: [], staffOnly: true } satisfies AccessRule);

/**
 * Any signed-in member of staff, even one who must still replace the initial password: only what the
 * change-password screen needs (the profile, the change itself).
 */
export const SignedInDuringPasswordChange = () =>
  SetMetadata(ACCESS_RULE, {
    public: false,
    permissions: [],
    staffOnly: true,
    duringPasswordChange: true,
  } satisfies AccessRule);

/** The route is open to anyone (sign-in, health). Every other route must say what it needs. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

export function requestOf(context: ExecutionContext): Request & { principal?: Principal } {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: Request }>().req
    : context.switchToHttp().getRequest<Request>();
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
