import { isApiError } from '../../shared/api/api-error';

/** An i18n key and its values: what to tell the user. */
export interface Message {
  key: string;
  values?: Record<string, string>;
}

function detail(details: unknown, name: string): unknown {
  return typeof details === 'object' && details !== null
    ? (details as Record<string, unknown>)[name]
    : undefined;
}

/**
 * What a failed sign-in means to the user. A wrong username and a wrong password read the same (the API does
 * not say which); a locked account says until when (`until` is an ISO instant, formatted by the screen).
 */
export function signInErrorMessage(error: unknown): Message {
  if (!isApiError(error)) return { key: 'error.generic' };
  if (error.code === 'NETWORK') return { key: 'error.network' };
  if (error.status === 429) return { key: 'auth.errors.tooManyRequests' };
  if (error.status === 400) return { key: 'auth.errors.incomplete' };
  if (error.status === 401) {
    const reason = detail(error.details, 'reason');
    if (reason === 'locked') {
      const until = detail(error.details, 'lockedUntil');
      return typeof until === 'string' && !Number.isNaN(Date.parse(until))
        ? { key: 'auth.errors.lockedUntil', values: { until } }
        : { key: 'auth.errors.locked' };
    }
    if (reason === 'disabled') return { key: 'auth.errors.disabled' };
    return { key: 'auth.errors.credentials' };
  }
  return { key: 'error.generic' };
}

/** Why the sign-in page is showing, when the user did not simply open it. */
export function sessionEndMessage(reason: string | undefined): Message | null {
  switch (reason) {
    case 'expired':
      return { key: 'auth.ended.expired' };
    case 'password-changed':
      return { key: 'auth.ended.passwordChanged' };
    case 'signed-out':
      return { key: 'auth.ended.signedOut' };
    default:
      return null;
  }
}

/**
 * Where to go after signing in: the `next` parameter when it is a path of this app; anything else (another
 * site, `//host`, a backslash trick, the sign-in page itself) goes home.
 */
export function safeNext(next: string | null | undefined, home = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home;
  const path = next.split(/[?#]/)[0];
  if (path === '/login') return home;
  return next;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function loginPath(path: string): string {
  const next = safeNext(path, '');
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/**
 * A password-policy message of the API (`password must be at least 10 characters long`, see
 * `passwordProblems` in libs/domain) in the user's language; any other message as it is. Matched on the
 * rule's key words, so a rewording of the English does not lose the translation.
 */
export function passwordProblemMessage(message: string): Message {
  const text = message.trim();
  if (/^password must\b/i.test(text)) {
    const min = /at least (\d+) characters/i.exec(text);
    if (min) return { key: 'auth.policy.minLength', values: { n: min[1] } };
    const max = /at most (\d+) characters/i.exec(text);
    if (max) return { key: 'auth.policy.maxLength', values: { n: max[1] } };
    if (/letters and digits/i.test(text)) return { key: 'auth.policy.lettersAndDigits' };
    if (/username/i.test(text)) return { key: 'auth.policy.notUsername' };
    if (/repeated character/i.test(text)) return { key: 'auth.policy.notRepeated' };
    if (/commonly used/i.test(text)) return { key: 'auth.policy.notCommon' };
  }
  return { key: 'auth.policy.other', values: { message } };
}
