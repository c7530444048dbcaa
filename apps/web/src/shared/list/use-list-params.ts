import { useSearchParams } from 'react-router';
import { LIST_DEFAULT_PAGE_SIZE, readPaging, updateParams } from '../list-params';
import { pageChange } from './paging';

export type ParamsChange = Parameters<typeof updateParams>[1];

/** A list's page, page size and filters, kept in the page URL so that a reload or a shared link keeps the view. */
export function useListParams(defaultPageSize = LIST_DEFAULT_PAGE_SIZE) {
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params, defaultPageSize);
  const set = (change: ParamsChange) => setParams(updateParams(params, change, defaultPageSize));
  return {
    params,
    page,
    pageSize,
    search: params.get('search') ?? undefined,
    /** Changes filters (and goes back to page 1) or the page. */
    set,
    setPage: (nextPage: number, nextSize: number) => set(pageChange(pageSize, nextPage, nextSize)),
    clear: () => setParams(new URLSearchParams()),
  };
}
