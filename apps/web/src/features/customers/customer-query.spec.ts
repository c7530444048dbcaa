import { updateParams } from '../../shared/list-params';
import {
  exportUrl,
  hasFilters,
  NO_FILTERS,
  parseCustomerSearch,
  toCustomerSearch,
  type CustomerListQuery,
} from './customer-query';

const parse = (search: string) => parseCustomerSearch(new URLSearchParams(search));

describe(parseCustomerSearch.name, () => {
  it('should give page 1 of 50 with no filters for an empty URL', () => {
    expect(parse('')).toEqual({ page: 1, pageSize: 50 });
  });

  it('should read every filter, sort and page', () => {
    expect(
      parse(
        'search=%E6%83%A0%E6%B0%91&districtId=4&businessType=grocery,convenience&tradeArea=school&marketType=urban' +
          '&scale=1,3&tierMin=5&tierMax=25&integrityGrade=a,B&accountManagerId=2&status=active&licenceStatus=valid' +
          '&terminalStatus=active&sort=tier&order=desc&page=3&pageSize=100',
      ),
    ).toEqual({
      search: '惠民',
      districtId: 4,
      businessType: ['convenience', 'grocery'],
      tradeArea: ['school'],
      marketType: 'urban',
      scale: [1, 3],
      tierMin: 5,
      tierMax: 25,
      integrityGrade: ['A', 'B'],
      accountManagerId: 2,
      status: 'active',
      licenceStatus: 'valid',
      terminalStatus: 'active',
      sort: 'tier',
      order: 'desc',
      page: 3,
      pageSize: 100,
    });
  });

  it('should drop unknown codes and malformed numbers instead of sending them to the API', () => {
    expect(
      parse(
        'businessType=bogus&marketType=city&tierMin=0&tierMax=31&districtId=-1&page=x&pageSize=5000&sort=phone',
      ),
    ).toEqual({ page: 1, pageSize: 50 });
    expect(parse('businessType=bogus,mall&integrityGrade=A1,,b')).toEqual({
      businessType: ['mall'],
      integrityGrade: ['B'],
      page: 1,
      pageSize: 50,
    });
  });

  it('should default the order to ascending when only a sort is given', () => {
    expect(parse('sort=shopName')).toMatchObject({
      sort: 'shopName',
      order: 'asc',
    });
    expect(parse('order=desc')).not.toHaveProperty('order');
  });
});

describe(toCustomerSearch.name, () => {
  it('should leave defaults out and join lists with commas', () => {
    const query: CustomerListQuery = {
      businessType: ['grocery', 'mall'],
      page: 1,
      pageSize: 50,
    };
    expect(toCustomerSearch(query).toString()).toBe('businessType=grocery%2Cmall');
  });

  it('should round-trip through the URL', () => {
    const query: CustomerListQuery = {
      search: '便利',
      districtId: 7,
      scale: [2],
      tierMin: 10,
      integrityGrade: ['AA'],
      sort: 'updatedAt',
      order: 'desc',
      page: 2,
      pageSize: 20,
    };
    expect(parseCustomerSearch(toCustomerSearch(query))).toEqual(query);
  });
});

describe('a change of filters', () => {
  it('should go back to page 1 when a filter changes and drop cleared filters', () => {
    const url = toCustomerSearch({ search: 'a', page: 4, pageSize: 100 });
    expect(parse(updateParams(url, { search: undefined, marketType: 'rural' }).toString())).toEqual({
      marketType: 'rural',
      page: 1,
      pageSize: 100,
    });
  });

  it('should put a list of codes in the URL as the list reads it back', () => {
    const url = updateParams(new URLSearchParams(), { businessType: ['grocery', 'mall'], scale: [] });
    expect(url.toString()).toBe('businessType=grocery%2Cmall');
    expect(parse(url.toString()).businessType).toEqual(['grocery', 'mall']);
  });
});

describe('NO_FILTERS', () => {
  it('should clear every filter and keep the sort and page size only', () => {
    const query: CustomerListQuery = {
      search: 'a',
      tierMin: 3,
      businessType: ['mall'],
      sort: 'tier',
      order: 'desc',
      page: 4,
      pageSize: 20,
    };
    const reset = parse(updateParams(toCustomerSearch(query), NO_FILTERS).toString());
    expect(reset).toEqual({
      sort: 'tier',
      order: 'desc',
      page: 1,
      pageSize: 20,
    });
    expect(hasFilters(reset)).toBe(false);
    expect(hasFilters(query)).toBe(true);
  });
});

describe(exportUrl.name, () => {
  it('should carry the filters and sort but not the page', () => {
    expect(
      exportUrl({
        businessType: ['grocery'],
        sort: 'tier',
        order: 'desc',
        page: 3,
        pageSize: 20,
      }),
    ).toBe('/api/customers/export?businessType=grocery&sort=tier&order=desc');
    expect(exportUrl({ page: 1, pageSize: 50 })).toBe('/api/customers/export');
  });
});
