import { canOf } from '../features/auth/permissions';
import { filterMenu, homePath, mayOpen, requiredPermission } from './navigation';

/** The permissions of each role, as the API sends them (libs/domain/src/access.ts ROLE_PERMISSIONS). */
const ACCOUNT_MANAGER = canOf({
  permissions: ['customers:read', 'customers:write', 'forecasting:read', 'reference:read'],
});
const CUSTOMER_SERVICE = canOf({ permissions: ['customers:read', 'reference:read'] });
const AUDITOR = canOf({
  permissions: ['audit:read', 'customers:read', 'forecasting:read', 'imports:read', 'reference:read'],
});
const ADMIN = canOf({
  permissions: [
    'apikeys:manage',
    'audit:read',
    'customers:read',
    'customers:write',
    'forecasting:read',
    'imports:read',
    'imports:run',
    'queues:admin',
    'reference:read',
    'users:manage',
  ],
});

const MENU = [
  { key: '/customers', label: 'customers' },
  {
    key: 'reference',
    label: 'reference',
    children: [
      { key: '/reference/districts', label: 'districts' },
      { key: '/reference/brands', label: 'brands' },
    ],
  },
  { key: '/imports', label: 'imports' },
  { key: '/forecasting', label: 'forecasting' },
  { type: 'divider' as const },
  {
    key: 'admin',
    label: 'admin',
    children: [
      { key: '/admin/users', label: 'users' },
      { key: '/admin/api-keys', label: 'keys' },
      { key: '/admin/audit', label: 'audit' },
    ],
  },
  null,
];

function keysOf(items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    const node = item as { key?: string; children?: unknown[] } | null;
    if (!node) return ['null'];
    return node.children ? [node.key!, ...keysOf(node.children)] : [node.key ?? 'divider'];
  });
}

describe(requiredPermission.name, () => {
  it('should find the permission of a path by its longest prefix', () => {
    expect(requiredPermission('/customers')).toBe('customers:read');
    expect(requiredPermission('/customers/12')).toBe('customers:read');
    expect(requiredPermission('/reference/brands')).toBe('reference:read');
    expect(requiredPermission('/forecasting/runs/3')).toBe('forecasting:read');
    expect(requiredPermission('/admin/users')).toBe('users:manage');
    expect(requiredPermission('/admin/api-keys')).toBe('apikeys:manage');
    expect(requiredPermission('/admin/audit')).toBe('audit:read');
  });

  it('should not be fooled by a path that only starts like a guarded one', () => {
    expect(requiredPermission('/customersx')).toBeUndefined();
    expect(requiredPermission('/admin/usersx')).toBeUndefined();
    expect(requiredPermission('/')).toBeUndefined();
  });
});

describe(filterMenu.name, () => {
  it('should show an account manager the customer, reference and forecasting items and no admin menu', () => {
    expect(keysOf(filterMenu(MENU, ACCOUNT_MANAGER))).toEqual([
      '/customers',
      'reference',
      '/reference/districts',
      '/reference/brands',
      '/forecasting',
      'divider',
      'null',
    ]);
  });

  it('should show customer service no imports and no forecasting', () => {
    const keys = keysOf(filterMenu(MENU, CUSTOMER_SERVICE));
    expect(keys).toContain('/customers');
    expect(keys).not.toContain('/imports');
    expect(keys).not.toContain('/forecasting');
    expect(keys).not.toContain('admin');
  });

  it('should keep only the audit trail of the admin menu for an auditor', () => {
    const admin = filterMenu(MENU, AUDITOR).find((item) => item?.key === 'admin');
    expect(keysOf(admin?.children ?? [])).toEqual(['/admin/audit']);
  });

  it('should show an administrator everything, and a user without permissions no paths at all', () => {
    expect(keysOf(filterMenu(MENU, ADMIN))).toEqual(keysOf(MENU));
    expect(keysOf(filterMenu(MENU, canOf(null)))).toEqual(['divider', 'null']);
  });

  it('should not change the menu it is given', () => {
    const copy = JSON.stringify(MENU);
    filterMenu(MENU, CUSTOMER_SERVICE);
    expect(JSON.stringify(MENU)).toBe(copy);
  });
});

describe(homePath.name, () => {
  it('should send each user to the first screen they may open', () => {
    expect(homePath(ACCOUNT_MANAGER)).toBe('/customers');
    expect(homePath(canOf({ permissions: ['audit:read'] }))).toBe('/admin/audit');
    expect(homePath(canOf(null))).toBeUndefined();
  });
});

describe(mayOpen.name, () => {
  it('should open unguarded paths to any signed-in user', () => {
    expect(mayOpen('/', canOf(null))).toBe(true);
    expect(mayOpen('/admin/users', ACCOUNT_MANAGER)).toBe(false);
    expect(mayOpen('/admin/users', ADMIN)).toBe(true);
  });
});
