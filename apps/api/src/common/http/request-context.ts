import { AsyncLocalStorage } from 'node:async_hooks';
import type { Permission, Role } from '@tms/domain';

/** Which retailers a principal may see: the whole market, or districts' subtrees and account managers' lists. */
export interface DataScope {
  all: boolean;
  districtIds: number[];
  accountManagerIds: number[];
}

export const WHOLE_MARKET: DataScope = { all: true, districtIds: [], accountManagerIds: [] };

export type Principal =
  | {
      kind: 'user';
      id: number;
      username: string;
      displayName: string;
      roles: Role[];
      permissions: ReadonlySet<Permission>;
      scope: DataScope;
      sessionId: string | null;
      /** Until the initial password is replaced, only the profile, the change and sign-out are open. */
      mustChangePassword?: boolean;
    }
  | {
      kind: 'api_key';
      id: number;
      manufacturerId: number;
      name: string;
      permissions: ReadonlySet<Permission>;
    }
  | { kind: 'system'; name: string; permissions: ReadonlySet<Permission>; scope: DataScope };

export interface RequestContext {
  requestId: string | null;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with a context that every await inside it can read (the audit trail needs who and which request). */
export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/**
 * Re-enters a request's context from the guard: body parsing resumes the request from socket events, which
 * loses the context opened by the middleware, so the guard (which runs after parsing) enters it again.
 */
export function enterContext(context: RequestContext): void {
  storage.enterWith(context);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentPrincipal(): Principal | undefined {
  return storage.getStore()?.principal;
}

/** The scope for data queries: a user's scope, the whole market for system work, nothing for a partner. */
export function currentScope(): DataScope {
  const principal = currentPrincipal();
  if (!principal) return WHOLE_MARKET;
  if (principal.kind === 'api_key') return { all: false, districtIds: [], accountManagerIds: [] };
  return principal.scope;
}

/** Who did something, as records keep it: `user:li.ming`, `api_key` or `system`. */
export function principalLabel(principal: Principal | undefined): string {
  if (!principal) return 'system';
  return principal.kind === 'user' ? `user:${principal.username}` : principal.kind;
}
