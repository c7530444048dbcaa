import { readBrandFilters } from './brand-query';

describe(readBrandFilters.name, () => {
  it('should read every filter and the sort from the URL', () => {
    const params = new URLSearchParams(
      'search=黄鹤楼&manufacturerId=2&status=active&scarce=true&priceClass=1&packType=hard&sort=wholesalePrice&order=desc',
    );
    expect(readBrandFilters(params)).toEqual({
      search: '黄鹤楼',
      manufacturerId: 2,
      status: 'active',
      scarce: true,
      priceClass: 1,
      packType: 'hard',
      sort: 'wholesalePrice',
      order: 'desc',
    });
  });

  it('should leave out values the API would refuse', () => {
    const params = new URLSearchParams('manufacturerId=x&status=gone&sort=retailPrice&order=up&scarce=maybe');
    expect(readBrandFilters(params)).toEqual({
      search: undefined,
      manufacturerId: undefined,
      status: undefined,
      scarce: undefined,
      priceClass: undefined,
      packType: undefined,
      sort: undefined,
      order: undefined,
    });
  });
});
