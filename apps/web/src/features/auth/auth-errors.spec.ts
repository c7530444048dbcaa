import { ApiError } from '../../shared/api/api-error';
import {
  loginPath,
  passwordProblemMessage,
  safeNext,
  sessionEndMessage,
  signInErrorMessage,
} from './auth-errors';

const unauthenticated = (details: unknown) =>
  ApiError.fromResponse(401, { code: 'UNAUTHENTICATED', message: 'x', requestId: 'r', details });

describe(signInErrorMessage.name, () => {
  it('should say a wrong username or password the same way', () => {
    expect(signInErrorMessage(unauthenticated({ reason: 'credentials' }))).toEqual({
      key: 'auth.errors.credentials',
    });
    expect(signInErrorMessage(unauthenticated(undefined))).toEqual({ key: 'auth.errors.credentials' });
  });

  it('should say until when a locked account is locked', () => {
    const until = '2026-03-01T08:15:00.000Z';
    expect(signInErrorMessage(unauthenticated({ reason: 'locked', lockedUntil: until }))).toEqual({
      key: 'auth.errors.lockedUntil',
      values: { until },
    });
    expect(signInErrorMessage(unauthenticated({ reason: 'locked', lockedUntil: 'soon' }))).toEqual({
      key: 'auth.errors.locked',
    });
  });

  it('should say that a disabled account is disabled', () => {
    expect(signInErrorMessage(unauthenticated({ reason: 'disabled' }))).toEqual({
      key: 'auth.errors.disabled',
    });
  });

  it('should tell a network failure, a rate limit and a server error apart', () => {
    expect(signInErrorMessage(ApiError.network(new TypeError('Failed to fetch')))).toEqual({
      key: 'error.network',
    });
    expect(signInErrorMessage(ApiError.fromResponse(429, { code: 'RATE_LIMITED', message: 'slow' }))).toEqual(
      {
        key: 'auth.errors.tooManyRequests',
      },
    );
    expect(signInErrorMessage(ApiError.fromResponse(500, 'boom'))).toEqual({ key: 'error.generic' });
    expect(signInErrorMessage(new Error('?'))).toEqual({ key: 'error.generic' });
  });
});

describe(sessionEndMessage.name, () => {
  it('should explain why the sign-in page shows, but not on a first visit', () => {
    expect(sessionEndMessage('expired')).toEqual({ key: 'auth.ended.expired' });
    expect(sessionEndMessage('password-changed')).toEqual({ key: 'auth.ended.passwordChanged' });
    expect(sessionEndMessage('signed-out')).toEqual({ key: 'auth.ended.signedOut' });
    expect(sessionEndMessage('none')).toBeNull();
    expect(sessionEndMessage(undefined)).toBeNull();
  });
});

describe(safeNext.name, () => {
  it('should go back to a path of this app, with its query', () => {
    expect(safeNext('/customers/12?tab=sales')).toBe('/customers/12?tab=sales');
    expect(safeNext(null)).toBe('/');
  });

  it('should never send the user to another site or back to the sign-in page', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/login?next=/x',
    ]) {
      expect(safeNext(next)).toBe('/');
    }
  });

  it('should build the sign-in address that comes back', () => {
    expect(loginPath('/admin/users?role=auditor')).toBe('/login?next=%2Fadmin%2Fusers%3Frole%3Dauditor');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('//evil.example')).toBe('/login');
  });
});

describe(passwordProblemMessage.name, () => {
  it('should translate each policy message of the API', () => {
    expect(passwordProblemMessage('password must have at least 10 characters')).toEqual({
      key: 'auth.policy.minLength',
      values: { n: '10' },
    });
    expect(passwordProblemMessage('password must have both letters and digits')).toEqual({
      key: 'auth.policy.lettersAndDigits',
    });
    expect(passwordProblemMessage('password must have not containing the username')).toEqual({
      key: 'auth.policy.notUsername',
    });
    expect(passwordProblemMessage('password must have not one repeated character')).toEqual({
      key: 'auth.policy.notRepeated',
    });
    expect(passwordProblemMessage('password must have at most 128 characters')).toEqual({
      key: 'auth.policy.maxLength',
      values: { n: '128' },
    });
  });

  it('should translate the current wording of the API too', () => {
    expect(passwordProblemMessage('password must be at least 10 characters long')).toEqual({
      key: 'auth.policy.minLength',
      values: { n: '10' },
    });
    expect(passwordProblemMessage('password must contain both letters and digits')).toEqual({
      key: 'auth.policy.lettersAndDigits',
    });
    expect(passwordProblemMessage('password must not contain the username')).toEqual({
      key: 'auth.policy.notUsername',
    });
    expect(passwordProblemMessage('password must not be one repeated character')).toEqual({
      key: 'auth.policy.notRepeated',
    });
    expect(passwordProblemMessage('password must not be a commonly used password')).toEqual({
      key: 'auth.policy.notCommon',
    });
  });

  it('should pass any other message through', () => {
    expect(passwordProblemMessage('password must be a string')).toEqual({
      key: 'auth.policy.other',
      values: { message: 'password must be a string' },
    });
  });
});
