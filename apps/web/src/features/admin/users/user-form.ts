import type { Role } from '../../auth/permissions';
import type { User, UserInput, UserUpdate } from './users.api';

/** The user form's values: the create fields (the password only when creating). */
export interface UserFormValues {
  username: string;
  displayName: string;
  roles: Role[];
  districtIds?: number[];
  accountManagerId?: number | null;
  password?: string;
}

export const USER_FORM_FIELDS = [
  'username',
  'displayName',
  'roles',
  'districtIds',
  'accountManagerId',
  'password',
] as const;

/**
 * The links only make sense with their roles: districts for district managers, a register record for account
 * managers. Without the role the link is cleared, so a former account manager keeps no access to retailers.
 */
export function linksFor(values: Pick<UserFormValues, 'roles' | 'districtIds' | 'accountManagerId'>) {
  return {
    districtIds: values.roles.includes('district_manager') ? (values.districtIds ?? []) : [],
    accountManagerId: values.roles.includes('account_manager') ? (values.accountManagerId ?? null) : null,
  };
}

export function toCreateBody(values: UserFormValues): UserInput {
  return {
    username: values.username.trim().toLowerCase(),
    displayName: values.displayName.trim(),
    roles: values.roles,
    ...linksFor(values),
    password: values.password ?? '',
  };
}

export function toUpdateBody(values: UserFormValues, user: User): UserUpdate {
  return {
    displayName: values.displayName.trim(),
    roles: values.roles,
    ...linksFor(values),
    version: user.version,
  };
}

/** A password that meets the policy (letters, digits, 14 characters), for the initial and reset passwords. */
export function generatePassword(
  random: (n: number) => number = (n) => crypto.getRandomValues(new Uint32Array(1))[0] % n,
): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const pick = (from: string) => from[random(from.length)];
  const chars = [pick(letters), pick(digits), ...Array.from({ length: 12 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
