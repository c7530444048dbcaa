import type { Middleware } from 'openapi-fetch';
import type { components } from '../../api/schema';

/** The signed-in user as the API describes them (`MeDto`): name, roles and the permissions they grant. */
export type SessionUser = components['schemas']['MeDto'];
export type SessionBody = components['schemas']['SessionDto'];

/** Why there is no session: never had one, signed out, the session ended, or the password was changed. */
export type SessionEndReason = 'none' | 'signed-out' | 'expired' | 'password-changed';

export type SessionState =
  | { status: 'unknown'; user: null }
  | { status: 'signed-in'; user: SessionUser }
  | { status: 'signed-out'; user: null; reason: SessionEndReason };

/** 401 reasons (`details.reason`) that a new access token can cure; any other 401 ends the session. */
const REFRESHABLE = new Set(['expired', 'invalid']);
const AUTH_PATH = '/api/auth/';
const REFRESH_PATH = '/api/auth/refresh';
const LOGOUT_PATH = '/api/auth/logout';
const REFRESH_LOCK = 'tms.session.refresh';
/** Renew the access token this long before it expires. */
const RENEW_BEFORE_SECONDS = 60;

type FetchLike = (input: Request) => Promise<Response>;

export interface SessionManagerOptions {
  /** The network (a fake in tests). */
  fetch?: FetchLike;
  /** Where the API is; '' for the page's own origin. */
  baseUrl?: string;
  /**
   * Runs the refresh under a lock shared by every tab of the browser (Web Locks), so two tabs never send the
   * same refresh cookie at once (the server would take the second use for a stolen cookie and end the
   * session). Defaults to `navigator.locks` when there is one.
   */
  lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
}

function defaultLock(): SessionManagerOptions['lock'] {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  return <T>(name: string, task: () => Promise<T>) => locks.request(name, task) as Promise<T>;
}

/** The 401 reason in an API error body, if any (read from a copy: the caller still reads the original). */
async function reasonOf(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    const details = (body as { details?: { reason?: unknown } } | null)?.details;
    return typeof details?.reason === 'string' ? details.reason : undefined;
  } catch {
    return undefined;
  }
}

function isSessionBody(body: unknown): body is SessionBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as SessionBody).accessToken === 'string' &&
    typeof (body as SessionBody).user === 'object'
  );
}

/**
 * The session of this tab. The access token lives in memory only (never in storage, where a script could
 * read it); the refresh token is an httpOnly cookie the page cannot see, sent only to `/api/auth`. A reload
 * starts without a token and asks `/api/auth/refresh` for one ({@link restore}).
 */
export class SessionManager {
  private token: string | null = null;
  private state: SessionState = { status: 'unknown', user: null };
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<boolean> | null = null;
  private restoring: Promise<void> | null = null;
  private renewal: ReturnType<typeof setTimeout> | null = null;
  private readonly fetch: FetchLike;
  private readonly baseUrl: string;
  private readonly lock?: SessionManagerOptions['lock'];

  constructor(options: SessionManagerOptions = {}) {
    this.fetch = options.fetch ?? ((request) => globalThis.fetch(request));
    this.baseUrl = options.baseUrl ?? '';
    this.lock = 'lock' in options ? options.lock : defaultLock();
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get accessToken(): string | null {
    return this.token;
  }

  /** After a sign-in (or a refresh): keep the token, publish the user. */
  start(body: SessionBody): void {
    this.token = body.accessToken;
    this.scheduleRenewal(body.expiresIn);
    this.setState({ status: 'signed-in', user: body.user });
  }

  /** Forget the session here (the server side is ended by logout, a password change or expiry). */
  end(reason: SessionEndReason): void {
    this.token = null;
    this.cancelRenewal();
    if (this.state.status === 'signed-out' && this.state.reason === reason) return;
    this.setState({ status: 'signed-out', user: null, reason });
  }

  /**
   * On start: a silent refresh, so a reload keeps the user signed in. Runs once however often it is called
   * (React runs effects twice in development).
   */
  restore(): Promise<void> {
    if (this.state.status !== 'unknown') return Promise.resolve();
    this.restoring ??= this.refresh().then((ok) => {
      if (!ok && this.state.status === 'unknown') this.end('none');
    });
    return this.restoring;
  }

  /**
   * A new access token from the refresh cookie. Single-flight: callers that arrive while a refresh is under
   * way share it (the cookie rotates on each use, so two refreshes at once would end the session). Resolves
   * to whether there is a session afterwards; a refused refresh ends the session.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<boolean> {
    const send = () =>
      this.fetch(
        new Request(`${this.baseUrl}${REFRESH_PATH}`, { method: 'POST', credentials: 'same-origin' }),
      );
    let response: Response;
    try {
      response = await (this.lock ? this.lock(REFRESH_LOCK, send) : send());
    } catch {
      // The network failed, not the session: keep what we have (on start this means "not signed in").
      return this.token !== null;
    }
    const body: unknown = response.ok ? await response.json().catch(() => null) : null;
    if (isSessionBody(body)) {
      this.start(body);
      return true;
    }
    this.end(this.state.status === 'signed-in' ? 'expired' : 'none');
    return false;
  }

  /** Sign out: the server revokes the session and clears its cookies, then this tab forgets it. */
  async logout(): Promise<void> {
    try {
      await this.fetch(
        new Request(`${this.baseUrl}${LOGOUT_PATH}`, { method: 'POST', credentials: 'same-origin' }),
      );
    } catch {
      // Offline: the server keeps the session until it expires, but this tab forgets it all the same.
    }
    this.end('signed-out');
  }

  /** `request` with the bearer token, if there is one. */
  authorize(request: Request): Request {
    if (this.token) request.headers.set('Authorization', `Bearer ${this.token}`);
    return request;
  }

  /**
   * What to do with a 401 to `request` (a copy of the original, unsent): refresh once and send it again, or
   * end the session. Returns the response to use.
   */
  async recover(retry: Request, response: Response): Promise<Response> {
    if (response.status !== 401 || new URL(retry.url).pathname.startsWith(AUTH_PATH)) return response;
    if (!REFRESHABLE.has((await reasonOf(response)) ?? '')) {
      // Revoked (password reset, account disabled), or no token at all: this session is over.
      this.end(this.state.status === 'signed-in' ? 'expired' : 'none');
      return response;
    }
    // A request that went out with an older token needs no refresh of its own: another request refreshed.
    const stale = this.token !== null && retry.headers.get('Authorization') !== `Bearer ${this.token}`;
    if (!stale && !(await this.refresh())) return response;
    retry.headers.set('Authorization', `Bearer ${this.token}`);
    return this.fetch(retry);
  }

  /** `fetch` with the session: the bearer token, and one refresh-and-retry on an expired token. */
  async authorizedFetch(input: Request): Promise<Response> {
    const request = this.authorize(input);
    const copy = request.clone();
    return this.recover(copy, await this.fetch(request));
  }

  /** The openapi-fetch middleware: adds the token, and on a 401 refreshes once and retries. */
  readonly middleware: Middleware = (() => {
    const copies = new Map<string, Request>();
    return {
      onRequest: ({ request, id }) => {
        const authorized = this.authorize(request);
        copies.set(id, authorized.clone());
        return authorized;
      },
      onResponse: async ({ response, id }) => {
        const copy = copies.get(id);
        copies.delete(id);
        return copy ? this.recover(copy, response) : undefined;
      },
      onError: ({ id }) => {
        copies.delete(id);
      },
    };
  })();

  /**
   * Refreshes a minute before the access token expires instead of waiting for a 401: each refresh also
   * renews the queue dashboard's cookie (it carries the access token), so the dashboard link and an open
   * dashboard keep working on a page left idle. The refresh token's own lifetime still bounds the session.
   */
  private scheduleRenewal(expiresIn: number): void {
    this.cancelRenewal();
    if (!(expiresIn > 0)) return;
    const delay = Math.max(5, expiresIn - RENEW_BEFORE_SECONDS) * 1000;
    this.renewal = setTimeout(() => {
      this.renewal = null;
      void this.refresh();
    }, delay);
    // In Node (tests, server rendering) a pending renewal must not keep the process alive.
    (this.renewal as { unref?: () => void }).unref?.();
  }

  private cancelRenewal(): void {
    if (this.renewal) clearTimeout(this.renewal);
    this.renewal = null;
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
