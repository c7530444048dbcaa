import { ROLES } from './access';
import {
  INITIAL_GRADING,
  mayWriteRetailerField,
  refusedRetailerFields,
  RETAILER_FIELD_RULES,
} from './field-access';

describe('refusedRetailerFields', () => {
  it('should refuse tier and integrity grade to every role but the administrator', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(refusedRetailerFields([role], ['shopName', 'tier', 'integrityGrade'])).toEqual([
        'tier',
        'integrityGrade',
      ]);
    }
    expect(refusedRetailerFields(['admin'], ['tier', 'integrityGrade'])).toEqual([]);
  });

  it('should let an administrator who also manages accounts write them', () => {
    expect(refusedRetailerFields(['account_manager', 'admin'], ['tier'])).toEqual([]);
  });

  it('should name only the restricted fields that are asked for', () => {
    expect(refusedRetailerFields(['account_manager'], ['phone', 'districtId'])).toEqual([]);
    expect(refusedRetailerFields(['district_manager'], ['integrityGrade'])).toEqual(['integrityGrade']);
  });

  it('should check every restricted field when none are named', () => {
    expect(refusedRetailerFields(['leader'])).toEqual(Object.keys(RETAILER_FIELD_RULES));
  });
});

describe('mayWriteRetailerField', () => {
  it('should leave an unrestricted field to anyone allowed to write customers', () => {
    expect(mayWriteRetailerField(['account_manager'], 'phone')).toBe(true);
    expect(mayWriteRetailerField(['account_manager'], 'tier')).toBe(false);
  });
});

describe('RETAILER_FIELD_RULES', () => {
  it('should name the import column of each restricted field', () => {
    expect(Object.values(RETAILER_FIELD_RULES).map((rule) => rule.column)).toEqual([
      'tier',
      'integrity_grade',
    ]);
  });

  it('should start a new retailer on the lowest tier', () => {
    expect(INITIAL_GRADING.tier).toBe(1);
  });
});
