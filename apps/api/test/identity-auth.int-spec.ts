import request from 'supertest';
import { UsersService } from '../src/modules/identity/users/users.service';
import { createTestApp, type TestApp } from './test-app';

const PASSWORD = 'Sign-in-test-2026';

function refreshCookie(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((value) => value.startsWith('tms_refresh='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}

describe('Sign-in, sessions and passwords', () => {
  let t: TestApp;
  let users: UsersService;
  beforeAll(async () => {
    t = await createTestApp({ environment: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' } });
    users = t.app.get(UsersService);
    await users.create(
      { username: 'li.na', displayName: '李娜', roles: ['customer_service'], password: PASSWORD },
      { mustChangePassword: false },
    );
  });
  afterAll(() => t.close());

  describe('POST /api/auth/login', () => {
    it('should sign in: an access token in the body, the refresh token in an httpOnly SameSite cookie', async () => {
      const response = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'li.na', password: PASSWORD })
        .expect(200);
      expect(response.body).toMatchObject({
        accessToken: expect.any(String),
        expiresIn: 900,
        user: {
          username: 'li.na',
          roles: ['customer_service'],
          permissions: ['customers:read', 'reference:read'],
        },
      });
      const cookie = ([] as string[])
        .concat(response.headers['set-cookie'])
        .find((c) => c.startsWith('tms_refresh='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/auth/);
      expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2/i);
      await request(t.raw)
        .get('/api/auth/me')
        .set('authorization', `Bearer ${response.body.accessToken}`)
        .expect(200);
    });

    it('should answer a wrong password and an unknown user the same way', async () => {
      const wrong = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'li.na', password: 'nope-nope-1' });
      const unknown = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'ghost', password: 'nope-nope-1' });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body.message).toBe(unknown.body.message);
      await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'li.na', password: PASSWORD })
        .expect(200);
    });

    it('should make the next attempt wait after repeated failures, even for the right password', async () => {
      await users.create(
        { username: 'wang.lei', displayName: '王磊', roles: ['auditor'], password: PASSWORD },
        { mustChangePassword: false },
      );
      for (let attempt = 0; attempt < 3; attempt++) {
        await request(t.raw)
          .post('/api/auth/login')
          .send({ username: 'wang.lei', password: `wrong-${attempt}-x1` })
          .expect(401);
      }
      const locked = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'wang.lei', password: PASSWORD });
      expect([locked.status, locked.body.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('should validate the body and treat injection strings as plain text', async () => {
      await request(t.raw).post('/api/auth/login').send({ username: 'li.na' }).expect(400);
      await request(t.raw)
        .post('/api/auth/login')
        .send({ username: ['li.na'], password: PASSWORD })
        .expect(400);
      const injected = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: "li.na' OR '1'='1", password: "' OR 1=1 --" });
      expect(injected.status).toBe(401);
    });
  });

  describe('POST /api/auth/refresh and /logout', () => {
    it('should rotate the refresh token and end the session when an old token is replayed later', async () => {
      const login = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'li.na', password: PASSWORD });
      const first = refreshCookie(login);
      const refreshed = await request(t.raw).post('/api/auth/refresh').set('cookie', first).expect(200);
      const second = refreshCookie(refreshed);
      expect(second).not.toBe(first);
      // Within seconds, the previous token still works (a page reloaded twice): it rotates again.
      const third = refreshCookie(
        await request(t.raw).post('/api/auth/refresh').set('cookie', first).expect(200),
      );
      const realNow = Date.now;
      Date.now = () => realNow() + 60_000;
      try {
        await request(t.raw).post('/api/auth/refresh').set('cookie', second).expect(401);
      } finally {
        Date.now = realNow;
      }
      await request(t.raw).post('/api/auth/refresh').set('cookie', third).expect(401);
      // The replay revoked the whole session: the newer token is dead too.
      await request(t.raw).post('/api/auth/refresh').set('cookie', second).expect(401);
    });

    it('should revoke the session on sign-out', async () => {
      const login = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'li.na', password: PASSWORD });
      const cookie = refreshCookie(login);
      await request(t.raw).post('/api/auth/logout').set('cookie', cookie).expect(204);
      await request(t.raw).post('/api/auth/refresh').set('cookie', cookie).expect(401);
      await request(t.raw).post('/api/auth/refresh').expect(401);
    });
  });

  describe('Bearer tokens', () => {
    it('should refuse malformed, tampered and foreign tokens', async () => {
      const login = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'li.na', password: PASSWORD });
      const token: string = login.body.accessToken;
      const [header, payload, signature] = token.split('.');
      const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: 1, sid: 'x' })).toString('base64url')}.${signature}`;
      for (const bad of ['garbage', `${header}.${payload}.`, tampered, `${token}x`]) {
        const { body } = await request(t.raw)
          .get('/api/customers')
          .set('authorization', `Bearer ${bad}`)
          .expect(401);
        expect(body.code).toBe('UNAUTHENTICATED');
      }
    });

    it('should refuse an expired token', async () => {
      const short = await createTestApp({ environment: { ACCESS_TOKEN_TTL_SECONDS: '60' } });
      try {
        const token = await short.tokenFor(['leader']);
        const realNow = Date.now;
        Date.now = () => realNow() + 120_000;
        try {
          const { body } = await request(short.raw)
            .get('/api/customers')
            .set('authorization', `Bearer ${token}`);
          expect(body.details?.reason).toBe('expired');
        } finally {
          Date.now = realNow;
        }
      } finally {
        await short.close();
      }
    });

    it('should kill existing tokens when an administrator disables the user or resets the password', async () => {
      const token = await t.tokenFor(['account_manager']);
      const me = await request(t.raw).get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await request(t.http)
        .post(`/api/users/${me.body.id}/password`)
        .send({ password: 'Brand-new-pass-99' })
        .expect(201);
      await request(t.raw).get('/api/auth/me').set('authorization', `Bearer ${token}`).expect(401);
      const relogin = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: me.body.username, password: 'Brand-new-pass-99' })
        .expect(200);
      expect(relogin.body.user.mustChangePassword).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const { body: current } = await request(t.http).get(`/api/users/${me.body.id}`).expect(200);
      await request(t.http)
        .patch(`/api/users/${me.body.id}`)
        .send({ active: false, version: current.version })
        .expect(200);
      await request(t.raw)
        .get('/api/auth/me')
        .set('authorization', `Bearer ${relogin.body.accessToken}`)
        .expect(401);
      const disabled = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: me.body.username, password: 'Brand-new-pass-99' });
      expect(disabled.body.details.reason).toBe('disabled');
    });
  });

  describe('Passwords', () => {
    it('should enforce the password policy with field errors', async () => {
      const { body } = await request(t.http)
        .post('/api/users')
        .send({ username: 'zhao.min', displayName: '赵敏', roles: ['leader'], password: 'short1' })
        .expect(400);
      expect(body.details.fields[0].field).toBe('password');
      await request(t.http)
        .post('/api/users')
        .send({ username: 'zhao.min', displayName: '赵敏', roles: ['leader'], password: 'zhao.min-2026-pw' })
        .expect(400);
    });

    it('should let users change their own password, ending their sessions', async () => {
      await users.create(
        { username: 'sun.li', displayName: '孙丽', roles: ['leader'], password: PASSWORD },
        { mustChangePassword: true },
      );
      const login = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'sun.li', password: PASSWORD });
      expect(login.body.user.mustChangePassword).toBe(true);
      const auth = `Bearer ${login.body.accessToken}`;
      await request(t.raw)
        .post('/api/auth/password')
        .set('authorization', auth)
        .send({ currentPassword: 'wrong-password-1', newPassword: 'Another-pass-2027' })
        .expect(401);
      await request(t.raw)
        .post('/api/auth/password')
        .set('authorization', auth)
        .send({ currentPassword: PASSWORD, newPassword: 'Another-pass-2027' })
        .expect(204);
      const again = await request(t.raw)
        .post('/api/auth/login')
        .send({ username: 'sun.li', password: 'Another-pass-2027' });
      expect(again.body.user.mustChangePassword).toBe(false);
    });

    it('should store only argon2id hashes', async () => {
      const [{ hash }] = await t.db.query(
        `SELECT password_hash AS hash FROM app_user WHERE username = 'li.na'`,
      );
      expect(hash).toMatch(/^\$argon2id\$/);
    });
  });
});
