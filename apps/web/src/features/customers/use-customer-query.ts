import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseCustomerSearch, toCustomerSearch, type CustomerListQuery } from './customer-query';

/** The list's filters, sort and page, kept in the page URL so that reload and shared links keep the view. */
export function useCustomerQuery(): [CustomerListQuery, (next: CustomerListQuery) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  const query = useMemo(() => parseCustomerSearch(new URLSearchParams(key)), [key]);
  const setQuery = useCallback(
    (next: CustomerListQuery) => setSearchParams(toCustomerSearch(next), { replace: false }),
    [setSearchParams],
  );
  return [query, setQuery];
}
