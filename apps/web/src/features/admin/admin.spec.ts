import { fileNameOf } from '../../shared/api/download';
import { apiKeyState } from './api-keys/api-keys.api';
import { dayRange, diffRows, formatAuditValue } from './audit/audit-diff';
import { generatePassword, linksFor, toCreateBody, toUpdateBody } from './users/user-form';
import type { User } from './users/users.api';

describe('the user form', () => {
  it('should keep districts only for district managers and the register record only for account managers', () => {
    expect(linksFor({ roles: ['district_manager'], districtIds: [3, 4], accountManagerId: 7 })).toEqual({
      districtIds: [3, 4],
      accountManagerId: null,
    });
    expect(
      linksFor({ roles: ['account_manager', 'customer_service'], districtIds: [3], accountManagerId: 7 }),
    ).toEqual({ districtIds: [], accountManagerId: 7 });
    expect(linksFor({ roles: ['auditor'] })).toEqual({ districtIds: [], accountManagerId: null });
  });

  it('should build the create and update bodies', () => {
    expect(
      toCreateBody({
        username: ' Zhang.Wei ',
        displayName: ' 张伟 ',
        roles: ['leader'],
        password: 'Pass-word-2026',
      }),
    ).toEqual({
      username: 'zhang.wei',
      displayName: '张伟',
      roles: ['leader'],
      districtIds: [],
      accountManagerId: null,
      password: 'Pass-word-2026',
    });
    const user = { version: 4 } as User;
    expect(
      toUpdateBody(
        { username: 'x', displayName: '李', roles: ['account_manager'], accountManagerId: 2 },
        user,
      ),
    ).toEqual({
      displayName: '李',
      roles: ['account_manager'],
      districtIds: [],
      accountManagerId: 2,
      version: 4,
    });
  });

  it('should generate passwords that meet the policy', () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(14);
      expect(password).toMatch(/[A-Za-z]/);
      expect(password).toMatch(/\d/);
    }
  });
});

describe('the audit trail', () => {
  it('should list each changed field with its value before and after', () => {
    expect(
      diffRows({
        before: { phone: '1', tier: 3 },
        after: { phone: '2', tier: 4 },
        changed: ['tier', 'phone'],
      }),
    ).toEqual([
      { field: 'tier', before: 3, after: 4 },
      { field: 'phone', before: '1', after: '2' },
    ]);
  });

  it('should list every field of a creation, with nothing before', () => {
    expect(
      diffRows({ before: null, after: { name: 'A', active: true }, changed: ['name', 'active'] }),
    ).toEqual([
      { field: 'name', before: null, after: 'A' },
      { field: 'active', before: null, after: true },
    ]);
  });

  it('should show values as text', () => {
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue('')).toBe('—');
    expect(formatAuditValue([1, 2])).toBe('1, 2');
    expect(formatAuditValue([])).toBe('—');
    expect(formatAuditValue(false)).toBe('false');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
  });

  it('should turn a range of days into instants with an exclusive end', () => {
    const { from, to } = dayRange('2026-01-05', '2026-01-05');
    expect(new Date(to!).getTime() - new Date(from!).getTime()).toBe(86_400_000);
    expect(new Date(from!).getDate()).toBe(5);
    expect(dayRange(undefined, 'nonsense')).toEqual({ from: undefined, to: undefined });
  });
});

describe('API keys', () => {
  it('should tell active, expired and revoked keys apart', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(apiKeyState({ revokedAt: null, expiresAt: '2027-01-01T00:00:00Z' }, now)).toBe('active');
    expect(apiKeyState({ revokedAt: null, expiresAt: '2026-01-01T00:00:00Z' }, now)).toBe('expired');
    expect(apiKeyState({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }, now)).toBe(
      'revoked',
    );
  });
});

describe(fileNameOf.name, () => {
  it('should read the file name of a download', () => {
    expect(fileNameOf('attachment; filename="customers.csv"', 'x')).toBe('customers.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv", 'x')).toBe('客户.csv');
    expect(fileNameOf(null, 'export')).toBe('export');
  });
});
