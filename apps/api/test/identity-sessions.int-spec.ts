import request from 'supertest';
import { validateEnvironment } from '../src/config/environment';
import { UsersService } from '../src/modules/identity/users/users.service';
import { createTestApp, type TestApp } from './test-app';

const PASSWORD = 'Session-test-2026';

function cookieOf(response: request.Response, name: string): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((value) => value.startsWith(`${name}=`));
  if (!cookie) throw new Error(`no ${name} cookie`);
  return cookie.split(';')[0];
}

function sessionIdOf(accessToken: string): string {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sid;
}

async function withClockAhead<T>(milliseconds: number, work: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + milliseconds;
  try {
    return await work();
  } finally {
    Date.now = realNow;
  }
}

describe('Sessions: token families, sid checks, forced password change, throttling', () => {
  let t: TestApp;
  let users: UsersService;
  const signIn = (username: string, password = PASSWORD) =>
    request(t.raw).post('/api/auth/login').send({ username, password });
  const me = (token: string) => request(t.raw).get('/api/auth/me').set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await createTestApp({
      environment: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '100' },
    });
    users = t.app.get(UsersService);
    for (const [username, roles] of [
      ['li.na', ['leader']],
      ['wang.lei', ['auditor']],
      ['zhou.gl', ['admin']],
      ['chen.mm', ['leader']],
      ['sun.li', ['leader']],
    ] as const) {
      await users.create(
        { username, displayName: username, roles: [...roles], password: PASSWORD },
        { mustChangePassword: false },
      );
    }
  });
  afterAll(() => t.close());

  describe('refresh-token families', () => {
    it('should revoke the whole family when a token two rotations old is replayed', async () => {
      const login = await signIn('li.na').expect(200);
      const first = cookieOf(login, 'tms_refresh');
      const second = cookieOf(
        await request(t.raw).post('/api/auth/refresh').set('cookie', first).expect(200),
        'tms_refresh',
      );
      const rotated = await request(t.raw).post('/api/auth/refresh').set('cookie', second).expect(200);
      const third = cookieOf(rotated, 'tms_refresh');
      await me(rotated.body.accessToken).expect(200);

      const replay = await request(t.raw).post('/api/auth/refresh').set('cookie', first);
      expect([replay.status, replay.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      // The thief's replay ended the session: the current refresh token and its access token are dead.
      await request(t.raw).post('/api/auth/refresh').set('cookie', third).expect(401);
      await me(rotated.body.accessToken).expect(401);
      const sid = sessionIdOf(rotated.body.accessToken);
      const audit = await t.db.query(
        `SELECT action, reason FROM audit_log WHERE entity = 'session' AND entity_id = $1`,
        [sid],
      );
      expect(audit).toEqual([{ action: 'revoke', reason: expect.stringMatching(/refresh token/) }]);
    });

    it('should still accept the just-rotated token for a few seconds (a page reloaded twice)', async () => {
      const first = cookieOf(await signIn('li.na').expect(200), 'tms_refresh');
      await request(t.raw).post('/api/auth/refresh').set('cookie', first).expect(200);
      const again = await request(t.raw).post('/api/auth/refresh').set('cookie', first).expect(200);
      await request(t.raw)
        .post('/api/auth/refresh')
        .set('cookie', cookieOf(again, 'tms_refresh'))
        .expect(200);
    });
  });

  describe('the session behind an access token', () => {
    it('should refuse the access token at once after sign-out', async () => {
      const login = await signIn('li.na').expect(200);
      await me(login.body.accessToken).expect(200);
      await request(t.raw).post('/api/auth/logout').set('cookie', cookieOf(login, 'tms_refresh')).expect(204);
      const refused = await me(login.body.accessToken);
      expect([refused.status, refused.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      const audit = await t.db.query(
        `SELECT action FROM audit_log WHERE entity = 'session' AND action = 'sign_out'`,
      );
      expect(audit.length).toBeGreaterThan(0);
    });

    it('should refuse the access token once its session is revoked or its user disabled', async () => {
      const login = await signIn('chen.mm').expect(200);
      await me(login.body.accessToken).expect(200);
      await t.db.query(`UPDATE refresh_session SET revoked_at = now() WHERE id = $1`, [
        sessionIdOf(login.body.accessToken),
      ]);
      await me(login.body.accessToken).expect(401);
      const other = await signIn('chen.mm').expect(200);
      await me(other.body.accessToken).expect(200);
      const { body: user } = await request(t.http).get(`/api/users/${other.body.user.id}`).expect(200);
      await request(t.http)
        .patch(`/api/users/${user.id}`)
        .send({ active: false, version: user.version })
        .expect(200);
      await me(other.body.accessToken).expect(401);
    });

    it('should close the queue dashboard to its cookie after sign-out', async () => {
      const login = await signIn('zhou.gl').expect(200);
      const queues = cookieOf(login, 'tms_queues');
      await request(t.raw).get('/admin/queues/api/queues').set('cookie', queues).expect(200);
      await request(t.raw).post('/api/auth/logout').set('cookie', cookieOf(login, 'tms_refresh')).expect(204);
      const refused = await request(t.raw).get('/admin/queues/api/queues').set('cookie', queues);
      expect([refused.status, refused.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  describe('a password that must be changed', () => {
    it('should allow only the profile, the password change and sign-out until it is changed', async () => {
      await users.create(
        { username: 'new.hire', displayName: '新员工', roles: ['admin'], password: PASSWORD },
        { mustChangePassword: true },
      );
      const login = await signIn('new.hire').expect(200);
      const auth = `Bearer ${login.body.accessToken}`;
      await request(t.raw).get('/api/auth/me').set('authorization', auth).expect(200);
      const rest = await request(t.raw).get('/api/customers').set('authorization', auth);
      expect(rest.status).toBe(403);
      expect(rest.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', requestId: expect.any(String) });
      const write = await request(t.raw)
        .post('/api/users')
        .set('authorization', auth)
        .send({ username: 'sneaky', displayName: 'x', roles: ['admin'], password: 'Sneaky-pass-2026' });
      expect([write.status, write.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
      const graphql = await request(t.raw)
        .post('/graphql')
        .set('authorization', auth)
        .send({ query: '{ brands { total } }' });
      expect(graphql.body.errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await request(t.raw)
        .get('/admin/queues/api/queues')
        .set('cookie', cookieOf(login, 'tms_queues'))
        .expect(403);

      await request(t.raw)
        .post('/api/auth/password')
        .set('authorization', auth)
        .send({ currentPassword: PASSWORD, newPassword: 'New-hire-pass-2027' })
        .expect(204);
      const again = await signIn('new.hire', 'New-hire-pass-2027').expect(200);
      await request(t.raw)
        .get('/api/customers')
        .set('authorization', `Bearer ${again.body.accessToken}`)
        .expect(200);
    });
  });

  describe('sign-in throttling', () => {
    it('should throttle a known and an unknown username alike, with 429 and Retry-After', async () => {
      const answers: request.Response[] = [];
      for (const username of ['wang.lei', 'nobody.here']) {
        for (let attempt = 0; attempt < 3; attempt++) {
          await signIn(username, `wrong-${attempt}-password`).expect(401);
        }
        answers.push(await signIn(username, username === 'wang.lei' ? PASSWORD : 'any-password-1'));
      }
      const [known, unknown] = answers;
      expect([known.status, unknown.status]).toEqual([429, 429]);
      expect(known.body.code).toBe('RATE_LIMITED');
      expect(known.body.message).toBe(unknown.body.message);
      expect(Object.keys(known.body.details)).toEqual(Object.keys(unknown.body.details));
      expect(Number(known.headers['retry-after'])).toBeGreaterThan(0);
      expect(known.headers['retry-after']).toBe(unknown.headers['retry-after']);
      expect(JSON.stringify(known.body)).not.toMatch(/lock/i);
    });

    it('should let the user in once the wait is over, and wait longer after each further failure', async () => {
      const first = Number((await signIn('wang.lei')).headers['retry-after']);
      await withClockAhead(first * 1000 + 1000, async () => {
        await signIn('wang.lei', 'wrong-again-password').expect(401);
        const longer = await signIn('wang.lei');
        expect(longer.status).toBe(429);
        expect(Number(longer.headers['retry-after'])).toBeGreaterThan(first);
      });
      await withClockAhead(60 * 60 * 1000, async () => {
        await signIn('wang.lei').expect(200);
      });
    });

    it('should count a wrong current password on the password change like a failed sign-in', async () => {
      const login = await signIn('sun.li').expect(200);
      const auth = `Bearer ${login.body.accessToken}`;
      for (let attempt = 0; attempt < 3; attempt++) {
        await request(t.raw)
          .post('/api/auth/password')
          .set('authorization', auth)
          .send({ currentPassword: `wrong-${attempt}-password`, newPassword: 'Chen-new-pass-2027' })
          .expect(401);
      }
      const refused = await request(t.raw)
        .post('/api/auth/password')
        .set('authorization', auth)
        .send({ currentPassword: PASSWORD, newPassword: 'Chen-new-pass-2027' });
      expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
      await signIn('sun.li').expect(429);
    });
  });

  describe('common passwords', () => {
    it.each(['Password12', 'qwerty1234', 'admin12345'])(
      'should refuse %s on create, reset and change',
      async (password) => {
        const created = await request(t.http)
          .post('/api/users')
          .send({ username: 'weak.one', displayName: 'weak', roles: ['leader'], password });
        expect(created.status).toBe(400);
        expect(created.body.message).toMatch(/common/i);
        expect(created.body.details.fields[0].field).toBe('password');
        const { body: user } = await request(t.http).get('/api/users?search=li.na').expect(200);
        const reset = await request(t.http)
          .post(`/api/users/${user.items[0].id}/password`)
          .send({ password });
        expect([reset.status, reset.body.message]).toEqual([400, expect.stringMatching(/common/i)]);
        const login = await signIn('li.na').expect(200);
        const change = await request(t.raw)
          .post('/api/auth/password')
          .set('authorization', `Bearer ${login.body.accessToken}`)
          .send({ currentPassword: PASSWORD, newPassword: password });
        expect([change.status, change.body.message]).toEqual([400, expect.stringMatching(/common/i)]);
      },
    );
  });
});

describe('Sign-in throttling by address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      environment: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '5' },
    });
  });
  afterAll(() => t.close());

  it('should throttle an address that guesses across many usernames', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await request(t.raw)
        .post('/api/auth/login')
        .send({ username: `guess${attempt}`, password: 'Guessing-2026' })
        .expect(401);
    }
    const refused = await request(t.raw)
      .post('/api/auth/login')
      .send({ username: 'someone.else', password: 'Guessing-2026' });
    expect([refused.status, refused.body.code]).toEqual([429, 'RATE_LIMITED']);
  });
});

describe('TRUST_PROXY', () => {
  it('should accept hop counts, addresses, CIDRs and names, and name the variable when invalid', () => {
    expect(validateEnvironment({}).TRUST_PROXY).toBe('loopback');
    for (const value of ['1', 'loopback', '10.0.0.0/8, loopback', '172.18.0.2', 'uniquelocal,::1']) {
      expect(validateEnvironment({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    }
    for (const value of ['nginx.local', '10.0.0.0/99', '-1', 'everyone', 'true']) {
      expect(() => validateEnvironment({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });

  it('should not key the anonymous rate limit on X-Forwarded-For from a peer that is not the proxy', async () => {
    const t = await createTestApp({
      environment: { TRUST_PROXY: '10.11.12.13', RATE_LIMIT_PER_MINUTE: '3' },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await request(t.raw)
          .get('/api/customers')
          .set('x-forwarded-for', `203.0.113.${i + 1}`);
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
