import { useSearchParams } from 'react-router';
import { readPaging, readText, updateParams, type ParamsChange } from '../list-params';
import { pageChange } from './paging';

export type { ParamsChange } from '../list-params';

/** A list's page, page size and filters, kept in the page URL so that a reload or a shared link keeps the view. */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params);
  const set = (change: ParamsChange) => setParams(updateParams(params, change));
  return {
    params,
    page,
    pageSize,
    search: readText(params, 'search'),
    /** Changes filters (and goes back to page 1) or the page. */
    set,
    setPage: (nextPage: number, nextSize: number) => set(pageChange(pageSize, nextPage, nextSize)),
    clear: () => setParams(new URLSearchParams()),
  };
}
