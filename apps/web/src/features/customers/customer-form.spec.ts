import { hasChanges, toFormValues, toUpdateBody } from './customer-form';
import type { CustomerDetail } from './customers.api';

const customer: CustomerDetail = {
  id: 1,
  licenceNo: '420100000001',
  shopName: '惠民便利店',
  ownerName: '张三',
  phone: '13800000001',
  address: '某路1号',
  districtId: 6,
  districtCode: 'C01-M01-R01',
  districtName: '线路一',
  marketType: 'urban',
  businessType: 'convenience',
  tradeArea: 'residential',
  scale: 1,
  classificationCode: 'CB1',
  licenceStatus: 'valid',
  status: 'active',
  integrityGrade: 'A',
  tier: 25,
  terminalStatus: 'none',
  accountManagerId: 1,
  accountManagerCode: 'AM01',
  accountManagerName: '李经理',
  orderDay: 2,
  visitCycle: 'weekly',
  version: 3,
  birthday: null,
  preferences: null,
  openedOn: '2020-05-01',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe(toUpdateBody.name, () => {
  it('should send only the changed fields with the version read', () => {
    const values = {
      ...toFormValues(customer),
      shopName: ' 惠民超市 ',
      tier: 26,
    };
    expect(toUpdateBody(customer, values)).toEqual({
      shopName: '惠民超市',
      tier: 26,
      version: 3,
    });
  });

  it('should send nothing but the version when nothing changed', () => {
    const body = toUpdateBody(customer, toFormValues(customer));
    expect(body).toEqual({ version: 3 });
    expect(hasChanges(body)).toBe(false);
  });

  it('should clear optional fields with null', () => {
    const values = {
      ...toFormValues(customer),
      openedOn: undefined,
      preferences: '',
      accountManagerId: undefined,
    };
    expect(toUpdateBody(customer, values)).toEqual({
      openedOn: null,
      accountManagerId: null,
      version: 3,
    });
  });

  it('should send a bad value as typed so that the API names the field', () => {
    expect(toUpdateBody(customer, { phone: '12345' })).toEqual({
      phone: '12345',
      version: 3,
    });
  });
});
