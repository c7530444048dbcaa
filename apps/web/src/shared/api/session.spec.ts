import createClient from 'openapi-fetch';
import { SessionManager, type SessionBody } from './session';

const USER: SessionBody['user'] = {
  id: 1,
  username: 'li.ming',
  displayName: '李明',
  roles: ['account_manager'],
  permissions: ['customers:read'],
  mustChangePassword: false,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const unauthenticated = (reason?: string) =>
  json(401, {
    code: 'UNAUTHENTICATED',
    message: 'no',
    requestId: 'r',
    details: reason ? { reason } : undefined,
  });

/**
 * A fake API: `/api/auth/refresh` hands out `token-N` (after `refreshDelay` ms) or refuses; every other path
 * accepts only the current token and otherwise answers 401 expired.
 */
function fakeApi(options: { refreshOk?: boolean; refreshDelay?: number; reason?: string } = {}) {
  const calls: { path: string; authorization: string | null }[] = [];
  let current = 'token-0';
  let issued = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    calls.push({ path, authorization: request.headers.get('Authorization') });
    if (path === '/api/auth/refresh') {
      await new Promise((resolve) => setTimeout(resolve, options.refreshDelay ?? 5));
      if (options.refreshOk === false) return unauthenticated('session');
      current = `token-${++issued}`;
      return json(200, { accessToken: current, expiresIn: 900, user: USER });
    }
    if (path === '/api/auth/logout') return new Response(null, { status: 204 });
    if (request.headers.get('Authorization') !== `Bearer ${current}`)
      return unauthenticated(options.reason ?? 'expired');
    return json(200, { path, body: request.method === 'POST' ? await request.text() : null });
  };
  return {
    calls,
    fetch,
    refreshes: () => calls.filter((call) => call.path === '/api/auth/refresh').length,
    expire: () => {
      current = `expired-${issued}`;
    },
  };
}

function signedIn(fake: ReturnType<typeof fakeApi>) {
  const session = new SessionManager({ fetch: fake.fetch, baseUrl: 'http://test', lock: undefined });
  session.start({ accessToken: 'token-0', expiresIn: 900, user: USER });
  return session;
}

describe(SessionManager.name, () => {
  it('should add the bearer token to requests', async () => {
    const fake = fakeApi();
    const session = signedIn(fake);
    const response = await session.authorizedFetch(new Request('http://test/api/customers'));
    expect(response.status).toBe(200);
    expect(fake.calls).toEqual([{ path: '/api/customers', authorization: 'Bearer token-0' }]);
  });

  it('should refresh once for concurrent expired requests and retry each with the new token', async () => {
    const fake = fakeApi({ refreshDelay: 20 });
    const session = signedIn(fake);
    fake.expire();
    const responses = await Promise.all(
      ['a', 'b', 'c'].map((name) => session.authorizedFetch(new Request(`http://test/api/${name}`))),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(fake.refreshes()).toBe(1);
    expect(session.accessToken).toBe('token-1');
    const retries = fake.calls.filter((call) => call.authorization === 'Bearer token-1');
    expect(retries.map((call) => call.path).sort()).toEqual(['/api/a', '/api/b', '/api/c']);
  });

  it('should retry a request that expired after another request already refreshed, without refreshing', async () => {
    const fake = fakeApi();
    const session = signedIn(fake);
    fake.expire();
    await session.authorizedFetch(new Request('http://test/api/a'));
    expect(fake.refreshes()).toBe(1);
    // A response to the old token arriving late: retried with the new one.
    const late = new Request('http://test/api/b', { headers: { Authorization: 'Bearer token-0' } });
    const response = await session.recover(late, unauthenticated('expired'));
    expect(response.status).toBe(200);
    expect(fake.refreshes()).toBe(1);
  });

  it('should send the body again when it retries a POST through the openapi-fetch middleware', async () => {
    const fake = fakeApi();
    const session = signedIn(fake);
    const client = createClient<Record<string, never>>({ baseUrl: 'http://test', fetch: fake.fetch });
    client.use(session.middleware);
    fake.expire();
    const post = client.POST as unknown as (
      path: string,
      init: { body: unknown },
    ) => Promise<{ data?: { body: string }; response: Response }>;
    const result = await post('/api/things', { body: { name: '新' } });
    expect(result.response.status).toBe(200);
    expect(result.data?.body).toBe(JSON.stringify({ name: '新' }));
    expect(fake.refreshes()).toBe(1);
  });

  it('should refresh only once per request: a second 401 is returned as it is', async () => {
    const fake = fakeApi();
    const session = signedIn(fake);
    fake.expire();
    // The refreshed token is refused too (e.g. the clock is off): no loop.
    const fetch = async (request: Request) =>
      new URL(request.url).pathname === '/api/auth/refresh'
        ? fake.fetch(request)
        : unauthenticated('expired');
    const stubborn = new SessionManager({ fetch, baseUrl: 'http://test', lock: undefined });
    stubborn.start({ accessToken: 'token-0', expiresIn: 900, user: USER });
    const response = await stubborn.authorizedFetch(new Request('http://test/api/a'));
    expect(response.status).toBe(401);
    expect(fake.refreshes()).toBe(1);
    expect(session.getState().status).toBe('signed-in');
  });

  it('should end the session when the refresh is refused', async () => {
    const fake = fakeApi({ refreshOk: false });
    const session = signedIn(fake);
    fake.expire();
    const states: string[] = [];
    session.subscribe(() => states.push(session.getState().status));
    const responses = await Promise.all([
      session.authorizedFetch(new Request('http://test/api/a')),
      session.authorizedFetch(new Request('http://test/api/b')),
    ]);
    expect(responses.map((response) => response.status)).toEqual([401, 401]);
    expect(fake.refreshes()).toBe(1);
    expect(session.getState()).toEqual({ status: 'signed-out', user: null, reason: 'expired' });
    expect(session.accessToken).toBeNull();
    expect(states).toEqual(['signed-out']);
  });

  it('should end the session without refreshing on a revoked token', async () => {
    const fake = fakeApi({ reason: 'revoked' });
    const session = signedIn(fake);
    fake.expire();
    const response = await session.authorizedFetch(new Request('http://test/api/a'));
    expect(response.status).toBe(401);
    expect(fake.refreshes()).toBe(0);
    expect(session.getState().status).toBe('signed-out');
  });

  it('should leave the answers of the auth endpoints alone (a wrong password is not an expired session)', async () => {
    const fake = fakeApi();
    const session = signedIn(fake);
    const response = await session.recover(
      new Request('http://test/api/auth/password', { method: 'POST' }),
      unauthenticated('credentials'),
    );
    expect(response.status).toBe(401);
    expect(fake.refreshes()).toBe(0);
    expect(session.getState().status).toBe('signed-in');
  });

  it('should restore a session on start with one silent refresh, however often it is asked', async () => {
    const fake = fakeApi();
    const session = new SessionManager({ fetch: fake.fetch, baseUrl: 'http://test', lock: undefined });
    expect(session.getState().status).toBe('unknown');
    await Promise.all([session.restore(), session.restore()]);
    await session.restore();
    expect(fake.refreshes()).toBe(1);
    expect(session.getState()).toEqual({ status: 'signed-in', user: USER });
  });

  it('should start signed out when there is no session to restore', async () => {
    const session = new SessionManager({
      fetch: fakeApi({ refreshOk: false }).fetch,
      baseUrl: 'http://test',
      lock: undefined,
    });
    await session.restore();
    expect(session.getState()).toEqual({ status: 'signed-out', user: null, reason: 'none' });
  });

  it('should start signed out when the server cannot be reached', async () => {
    const session = new SessionManager({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      lock: undefined,
      baseUrl: 'http://test',
    });
    await session.restore();
    expect(session.getState().status).toBe('signed-out');
  });

  it('should run the refresh under the cross-tab lock', async () => {
    const fake = fakeApi();
    const locked: string[] = [];
    const session = new SessionManager({
      fetch: fake.fetch,
      baseUrl: 'http://test',
      lock: (name, task) => {
        locked.push(name);
        return task();
      },
    });
    await session.refresh();
    expect(locked).toEqual(['tms.session.refresh']);
  });

  it('should renew the token a minute before it expires, and stop renewing once signed out', async () => {
    jest.useFakeTimers();
    try {
      const fake = fakeApi({ refreshDelay: 0 });
      const session = signedIn(fake);
      await jest.advanceTimersByTimeAsync(839_000);
      expect(fake.refreshes()).toBe(0);
      await jest.advanceTimersByTimeAsync(2_000);
      expect(fake.refreshes()).toBe(1);
      expect(session.accessToken).toBe('token-1');
      // the renewed token brings its own 15 minutes, and with it the next renewal
      await jest.advanceTimersByTimeAsync(840_000);
      expect(fake.refreshes()).toBe(2);
      await session.logout();
      await jest.advanceTimersByTimeAsync(3_600_000);
      expect(fake.refreshes()).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('should forget the token when signing out, even if the server cannot be reached', async () => {
    const session = new SessionManager({
      fetch: () => Promise.reject(new TypeError('offline')),
      baseUrl: 'http://test',
      lock: undefined,
    });
    session.start({ accessToken: 'token-0', expiresIn: 900, user: USER });
    await expect(session.logout()).resolves.toBeUndefined();
    expect(session.getState()).toEqual({ status: 'signed-out', user: null, reason: 'signed-out' });
    expect(session.accessToken).toBeNull();
  });
});
