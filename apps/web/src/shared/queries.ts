import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';

/** A page of a list endpoint. The page shown stays on screen while the next page or filter loads. */
export function usePagedQuery<R>(
  queryKey: QueryKey,
  fetchPage: (signal: AbortSignal) => Promise<R>,
  staleTime: number,
) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchPage(signal),
    placeholderData: keepPreviousData,
    staleTime,
  });
}

/**
 * A change that makes the cached queries under `queryKey` stale. They are refetched before the mutation's
 * promise settles, so a dialog that closes on success reveals the list already updated.
 */
export function useInvalidatingMutation<V, R>(queryKey: QueryKey, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey }) });
}

/** The variables of a save: a create has no id, an update names the record and carries its version. */
export type SaveVariables<I, U> = { id?: undefined; body: I } | { id: number; body: U };

/** One save function for a create/edit form: POST without an id, PATCH with one. */
export function createOrUpdate<I, U, R>(
  create: (body: I) => Promise<R>,
  update: (id: number, body: U) => Promise<R>,
): (variables: SaveVariables<I, U>) => Promise<R> {
  return (variables) =>
    variables.id === undefined ? create(variables.body) : update(variables.id, variables.body);
}
