/**
 * Who may do what. Roles are what an administrator assigns; permissions are what routes require. A user's
 * permissions are the union of their roles' permissions.
 */
export const ROLES = [
  'admin',
  'leader',
  'district_manager',
  'account_manager',
  'customer_service',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'customers:read',
  'customers:write',
  'reference:read',
  'reference:write',
  'imports:read',
  'imports:run',
  'forecasting:read',
  'forecasting:run',
  'forecasting:approve',
  'users:manage',
  'apikeys:manage',
  'audit:read',
  'queues:admin',
  /** Manufacturers' API keys: aggregated data about their own brands only. */
  'partner:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_EVERYTHING: Permission[] = [
  'customers:read',
  'reference:read',
  'imports:read',
  'forecasting:read',
  'audit:read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((permission) => permission !== 'partner:read'),
  leader: [...READ_EVERYTHING, 'forecasting:approve'],
  district_manager: ['customers:read', 'customers:write', 'reference:read', 'forecasting:read'],
  account_manager: ['customers:read', 'customers:write', 'reference:read', 'forecasting:read'],
  customer_service: ['customers:read', 'reference:read'],
  auditor: READ_EVERYTHING,
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}

/** Roles whose retailers are limited to a part of the market; any other role sees the whole market. */
export function seesWholeMarket(roles: readonly Role[]): boolean {
  return roles.some(
    (role) => role === 'admin' || role === 'leader' || role === 'auditor' || role === 'customer_service',
  );
}

export interface PasswordPolicy {
  minLength: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 10 };

/** What a refused password must do, e.g. `be at least 10 characters long` (empty when it is acceptable). */
export function passwordProblems(
  password: string,
  username: string,
  policy = DEFAULT_PASSWORD_POLICY,
): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`be at least ${policy.minLength} characters long`);
  if (password.length > 128) problems.push('be at most 128 characters long');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('contain both letters and digits');
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('not contain the username');
  if (/^(.)\1+$/.test(password)) problems.push('not be one repeated character');
  return problems;
}
