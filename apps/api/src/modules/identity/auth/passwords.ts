import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '@tms/domain';
import commonPasswords from 'fxa-common-password-list';
import { ValidationFailedError } from '../../../common/errors/app-error';

/** argon2id with the library's defaults (memory-hard: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problems = passwordProblems(password, username);
  // Mozilla's list of the most common passwords (lower case): `Password12` is `password12` with a capital.
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    problems.push('not be a commonly used password');
  }
  if (problems.length) {
    throw new ValidationFailedError(
      [{ field, messages: problems.map((problem) => `password must ${problem}`) }],
      `The password must ${problems.join(', and must ')}`,
    );
  }
}
