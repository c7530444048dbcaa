/** What a sortable column header reports (antd's `SorterResult`, reduced to what the URL keeps). */
export interface ColumnSorter {
  columnKey?: string | number | bigint;
  order?: 'ascend' | 'descend' | null;
}

export type SortOrder = 'asc' | 'desc';

/** The page to show after the pager changes: another page size starts again at page 1, as its pages differ. */
export function pageChange(
  currentSize: number,
  nextPage: number,
  nextSize: number,
): { page: number; pageSize: number } {
  return { page: nextSize === currentSize ? nextPage : 1, pageSize: nextSize };
}

/** The URL's sort after a click on a column header; a column the API cannot sort by clears it. */
export function sortChange<F extends string>(
  sorter: ColumnSorter | ColumnSorter[] | undefined,
  fields: readonly F[],
): { sort: F | undefined; order: SortOrder | undefined } {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = fields.find((item) => item === single?.columnKey);
  return single?.order && field
    ? { sort: field, order: single.order === 'descend' ? 'desc' : 'asc' }
    : { sort: undefined, order: undefined };
}

/** The arrow a column header shows for the URL's sort. */
export function columnSortOrder(
  sort: string | undefined,
  order: SortOrder | undefined,
  field: string,
): 'ascend' | 'descend' | null {
  return sort === field ? (order === 'desc' ? 'descend' : 'ascend') : null;
}
