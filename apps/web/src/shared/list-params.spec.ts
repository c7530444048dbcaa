import { readBoolean, readInt, readOneOf, readPaging, updateParams } from './list-params';

describe(readPaging.name, () => {
  it('should default to page 1 of 20 and ignore nonsense', () => {
    expect(readPaging(new URLSearchParams(''))).toEqual({
      page: 1,
      pageSize: 20,
    });
    expect(readPaging(new URLSearchParams('page=0&pageSize=7'))).toEqual({
      page: 1,
      pageSize: 20,
    });
    expect(readPaging(new URLSearchParams('page=3&pageSize=100'))).toEqual({
      page: 3,
      pageSize: 100,
    });
  });
});

describe(updateParams.name, () => {
  it('should go back to page 1 when a filter changes and drop empty values', () => {
    const params = new URLSearchParams('page=4&search=abc&status=new');
    expect(updateParams(params, { search: '', scarce: true }).toString()).toBe('status=new&scarce=true');
  });

  it('should keep the page when only the page changes, and leave defaults out', () => {
    const params = new URLSearchParams('search=abc');
    expect(updateParams(params, { page: 2, pageSize: 20 }).toString()).toBe('search=abc&page=2');
    expect(updateParams(params, { page: 1 }).toString()).toBe('search=abc');
  });
});

describe('readers', () => {
  it('should read only valid values', () => {
    const params = new URLSearchParams('id=5&bad=-1&status=new&other=zzz&flag=true');
    expect(readInt(params, 'id')).toBe(5);
    expect(readInt(params, 'bad')).toBeUndefined();
    expect(readOneOf(params, 'status', ['new', 'active'])).toBe('new');
    expect(readOneOf(params, 'other', ['new'])).toBeUndefined();
    expect(readBoolean(params, 'flag')).toBe(true);
    expect(readBoolean(params, 'missing')).toBeUndefined();
  });
});
