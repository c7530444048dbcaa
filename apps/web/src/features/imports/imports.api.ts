import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { operations } from '../../api/schema';
import { api, unwrap, type Schemas } from '../../shared/api/client';
import { isImportActive } from './import-state';

export type ImportJob = Schemas['ImportJobDto'];
export type ImportForm = Schemas['CreateImportForm'];
export type ImportRowError = Schemas['ImportRowErrorDto'];
export type ImportQuery = NonNullable<operations['Imports_list']['parameters']['query']>;

const keys = {
  all: ['imports'] as const,
  list: (query: ImportQuery) => ['imports', 'list', query] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
};

export const POLL_INTERVAL_MS = 1000;

/** One import, polled while it is queued or running. */
export function useImportJob(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await unwrap(api.GET('/api/imports/{id}', { params: { path: { id: id! } }, signal }));
      // The history shows the same job: refresh it when this one finishes.
      if (!isImportActive(job)) void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      return job;
    },
    enabled: id !== undefined,
    refetchInterval: (query) =>
      query.state.data && isImportActive(query.state.data) ? POLL_INTERVAL_MS : false,
    staleTime: 0,
  });
}

export function useImportHistory(query: ImportQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/imports', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isImportActive) ? POLL_INTERVAL_MS * 3 : false),
    staleTime: 5_000,
  });
}

export interface ImportUpload {
  kind: ImportForm['kind'];
  dryRun: boolean;
  file: File;
}

/** `POST /api/imports` as multipart/form-data (fields `file`, `kind`, `dryRun`). */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, dryRun, file }: ImportUpload) =>
      unwrap(
        api.POST('/api/imports', {
          // The generated type describes the file as a binary string; the browser sends the File itself.
          body: { kind, dryRun, file: file as unknown as string },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append('kind', body.kind);
            form.append('dryRun', String(body.dryRun));
            form.append('file', file, file.name);
            return form;
          },
        }),
      ),
    onSuccess: (job) => {
      queryClient.setQueryData(keys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
