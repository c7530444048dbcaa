import { passwordProblems, permissionsOf, ROLES, seesWholeMarket } from './access';

describe('permissionsOf', () => {
  it('should give an auditor reading rights only', () => {
    const permissions = permissionsOf(['auditor']);
    expect([...permissions].every((p) => p.endsWith(':read'))).toBe(true);
    expect(permissions.has('audit:read')).toBe(true);
  });

  it('should unite the permissions of several roles', () => {
    const permissions = permissionsOf(['customer_service', 'account_manager']);
    expect(permissions.has('customers:write')).toBe(true);
    expect(permissions.has('users:manage')).toBe(false);
  });

  it('should never give a staff role the partner permission', () => {
    for (const role of ROLES) expect(permissionsOf([role]).has('partner:read')).toBe(false);
  });
});

describe('seesWholeMarket', () => {
  it('should limit account and district managers only', () => {
    expect(seesWholeMarket(['account_manager'])).toBe(false);
    expect(seesWholeMarket(['district_manager'])).toBe(false);
    expect(seesWholeMarket(['account_manager', 'leader'])).toBe(true);
  });
});

describe('passwordProblems', () => {
  it('should accept a long password with letters and digits', () => {
    expect(passwordProblems('tobacco-2026-market', 'zhang')).toEqual([]);
  });

  it('should name every problem', () => {
    expect(passwordProblems('zhang1', 'zhang')).toEqual([
      'be at least 10 characters long',
      'not contain the username',
    ]);
    expect(passwordProblems('aaaaaaaaaaaa', 'x')).toEqual([
      'contain both letters and digits',
      'not be one repeated character',
    ]);
  });
});
