import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { session } from '../../shared/api/client';
import type { SessionBody } from '../../shared/api/session';
import { Can } from './Can';
import { canOf, type Permission } from './permissions';

/** An auditor's permissions as the API sends them (libs/domain/src/access.ts): reading only. */
const AUDITOR: SessionBody['user'] = {
  id: 7,
  username: 'zhao.shenji',
  displayName: '赵审计',
  roles: ['auditor'],
  permissions: ['audit:read', 'customers:read', 'forecasting:read', 'imports:read', 'reference:read'],
  mustChangePassword: false,
};

const render = (permission: Permission, fallback?: string) =>
  renderToStaticMarkup(
    createElement(Can, { permission, fallback, children: createElement('button', null, 'edit') }),
  );

describe('canOf', () => {
  it('should grant exactly the permissions the session carries', () => {
    const can = canOf(AUDITOR);
    expect(can('customers:read')).toBe(true);
    expect(can('reference:read')).toBe(true);
    expect(can('customers:write')).toBe(false);
    expect(can('reference:write')).toBe(false);
    expect(can('imports:run')).toBe(false);
  });

  it('should grant nothing without a user', () => {
    expect(canOf(null)('customers:read')).toBe(false);
    expect(canOf(undefined)('customers:read')).toBe(false);
  });
});

describe('<Can>', () => {
  afterEach(() => session.end('signed-out'));

  it('should render its children for a user who holds the permission', () => {
    session.start({ accessToken: 'token', expiresIn: 900, user: AUDITOR });
    expect(render('customers:read')).toBe('<button>edit</button>');
  });

  it('should render nothing, or the fallback, for a user who lacks it', () => {
    session.start({ accessToken: 'token', expiresIn: 900, user: AUDITOR });
    expect(render('customers:write')).toBe('');
    expect(render('reference:write', 'read only')).toBe('read only');
  });

  it('should render nothing without a session', () => {
    session.end('none');
    expect(render('customers:read')).toBe('');
  });

  it('should follow the session when the user changes', () => {
    session.start({ accessToken: 'token', expiresIn: 900, user: AUDITOR });
    expect(render('customers:write')).toBe('');
    session.start({
      accessToken: 'token-2',
      expiresIn: 900,
      user: { ...AUDITOR, roles: ['account_manager'], permissions: ['customers:read', 'customers:write'] },
    });
    expect(render('customers:write')).toBe('<button>edit</button>');
  });
});
