import type { SessionUser } from '../../shared/api/session';

/** A role, as the API names it (a new role in the API shows up here through the generated types). */
export type Role = SessionUser['roles'][number];

/** Every role, in the order the screens list them; the check below fails to compile if one is missing. */
export const ROLES = [
  'admin',
  'leader',
  'district_manager',
  'account_manager',
  'customer_service',
  'auditor',
] as const satisfies readonly Role[];
type MissingRole = Exclude<Role, (typeof ROLES)[number]>;
export const ALL_ROLES_LISTED: [MissingRole] extends [never] ? true : MissingRole = true;

/**
 * The permissions the SPA looks at (the API's `libs/domain/src/access.ts` has the full list; the user's
 * permissions arrive with the session, so the SPA never derives them from roles itself).
 */
export type Permission =
  | 'customers:read'
  | 'customers:write'
  | 'reference:read'
  | 'reference:write'
  | 'imports:read'
  | 'imports:run'
  | 'forecasting:read'
  | 'forecasting:run'
  | 'forecasting:approve'
  | 'users:manage'
  | 'apikeys:manage'
  | 'audit:read'
  | 'queues:admin';

export type Can = (permission: Permission) => boolean;

/** What a user may do, from the permissions their session carries (nothing when signed out). */
export function canOf(user: Pick<SessionUser, 'permissions'> | null | undefined): Can {
  const granted = new Set(user?.permissions ?? []);
  return (permission) => granted.has(permission);
}
