import { columnSortOrder, pageChange, sortChange } from './paging';

describe(pageChange.name, () => {
  it('should go to the chosen page when the page size stays', () => {
    expect(pageChange(20, 3, 20)).toEqual({ page: 3, pageSize: 20 });
  });

  it('should go back to page 1 when the page size changes', () => {
    expect(pageChange(20, 3, 50)).toEqual({ page: 1, pageSize: 50 });
  });
});

describe(sortChange.name, () => {
  const fields = ['code', 'name'] as const;

  it('should sort by a known column in the order of its arrow', () => {
    expect(sortChange({ columnKey: 'name', order: 'descend' }, fields)).toEqual({
      sort: 'name',
      order: 'desc',
    });
    expect(sortChange([{ columnKey: 'code', order: 'ascend' }], fields)).toEqual({
      sort: 'code',
      order: 'asc',
    });
  });

  it('should clear the sort when the arrow is cleared or the column is not sortable', () => {
    const none = { sort: undefined, order: undefined };
    expect(sortChange({ columnKey: 'name', order: null }, fields)).toEqual(none);
    expect(sortChange({ columnKey: 'price', order: 'ascend' }, fields)).toEqual(none);
    expect(sortChange(undefined, fields)).toEqual(none);
  });
});

describe(columnSortOrder.name, () => {
  it('should show the arrow on the sorted column only, ascending unless told otherwise', () => {
    expect(columnSortOrder('name', 'desc', 'name')).toBe('descend');
    expect(columnSortOrder('name', undefined, 'name')).toBe('ascend');
    expect(columnSortOrder('name', 'desc', 'code')).toBeNull();
    expect(columnSortOrder(undefined, undefined, 'code')).toBeNull();
  });
});
