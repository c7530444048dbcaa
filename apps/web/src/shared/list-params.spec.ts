import {
  LIST_DEFAULT_PAGE_SIZE,
  readBoolean,
  readInt,
  readList,
  readOneOf,
  readPaging,
  readText,
  updateParams,
  writeParams,
} from './list-params';

describe(readPaging.name, () => {
  it('should default every list to page 1 of 50 and ignore nonsense', () => {
    expect(LIST_DEFAULT_PAGE_SIZE).toBe(50);
    expect(readPaging(new URLSearchParams(''))).toEqual({ page: 1, pageSize: 50 });
    expect(readPaging(new URLSearchParams('page=0&pageSize=7'))).toEqual({ page: 1, pageSize: 50 });
    expect(readPaging(new URLSearchParams('page=-2&pageSize=5000'))).toEqual({ page: 1, pageSize: 50 });
    expect(readPaging(new URLSearchParams('page=3&pageSize=100'))).toEqual({ page: 3, pageSize: 100 });
    expect(readPaging(new URLSearchParams('page=2&pageSize=20'))).toEqual({ page: 2, pageSize: 20 });
  });
});

describe(updateParams.name, () => {
  it('should go back to page 1 when a filter changes and drop empty values', () => {
    const params = new URLSearchParams('page=4&search=abc&status=new');
    expect(updateParams(params, { search: '', scarce: true }).toString()).toBe('status=new&scarce=true');
  });

  it('should keep the page when only the page changes, and leave defaults out', () => {
    const params = new URLSearchParams('search=abc');
    expect(updateParams(params, { page: 2, pageSize: 50 }).toString()).toBe('search=abc&page=2');
    expect(updateParams(params, { page: 2, pageSize: 20 }).toString()).toBe('search=abc&page=2&pageSize=20');
    expect(updateParams(params, { page: 1 }).toString()).toBe('search=abc');
  });

  it('should write lists as a,b and drop an empty list', () => {
    const params = new URLSearchParams('scale=1');
    expect(updateParams(params, { scale: [], type: ['a', 'b'] }).get('type')).toBe('a,b');
    expect(updateParams(params, { scale: [] }).has('scale')).toBe(false);
  });

  it('should not change the parameters it is given', () => {
    const params = new URLSearchParams('page=3&search=abc');
    updateParams(params, { search: 'x' });
    expect(params.toString()).toBe('page=3&search=abc');
  });
});

describe(writeParams.name, () => {
  it('should write values in the order given and leave defaults and empty values out', () => {
    expect(
      writeParams({
        search: 'a b',
        scale: [1, 3],
        empty: '',
        none: undefined,
        page: 1,
        pageSize: 50,
      }).toString(),
    ).toBe('search=a+b&scale=1%2C3');
    expect(writeParams({ page: 2, pageSize: 200 }).toString()).toBe('page=2&pageSize=200');
  });
});

describe('readers', () => {
  it('should read only valid values', () => {
    const params = new URLSearchParams('id=5&bad=-1&status=new&other=zzz&flag=true&big=31');
    expect(readInt(params, 'id')).toBe(5);
    expect(readInt(params, 'bad')).toBeUndefined();
    expect(readInt(params, 'big', 30)).toBeUndefined();
    expect(readOneOf(params, 'status', ['new', 'active'])).toBe('new');
    expect(readOneOf(params, 'other', ['new'])).toBeUndefined();
    expect(readBoolean(params, 'flag')).toBe(true);
    expect(readBoolean(params, 'missing')).toBeUndefined();
  });

  it('should keep the known values of a list, in their own order', () => {
    const params = new URLSearchParams('kinds=mall,bogus,grocery&none=bogus&scale=3,1');
    expect(readList(params, 'kinds', ['grocery', 'mall'])).toEqual(['grocery', 'mall']);
    expect(readList(params, 'none', ['grocery'])).toBeUndefined();
    expect(readList(params, 'missing', ['grocery'])).toBeUndefined();
    expect(readList(params, 'scale', [1, 2, 3])).toEqual([1, 3]);
  });

  it('should trim free text, cut it to its length and treat blank as absent', () => {
    const params = new URLSearchParams(
      `q=${encodeURIComponent('  惠民 ')}&blank=%20&long=${'x'.repeat(120)}`,
    );
    expect(readText(params, 'q')).toBe('惠民');
    expect(readText(params, 'blank')).toBeUndefined();
    expect(readText(params, 'long')).toHaveLength(100);
    expect(readText(params, 'long', 10)).toHaveLength(10);
  });
});
