import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../shared/api/client';
import { LIST_DEFAULT_PAGE_SIZE } from '../../shared/list-params';
import { STALE } from '../../shared/query-client';
import type { AccuracyRow } from './accuracy';
import { pollInterval, type ForecastRun } from './run-progress';
import { type RunsFilter, type SeriesQuery } from './selection';

export type StartRunInput = Schemas['StartForecastRunDto'];

export const forecastingKeys = {
  all: ['forecasting'] as const,
  runs: (filter: RunsFilter) => ['forecasting', 'runs', filter] as const,
  runOptions: ['forecasting', 'runs', 'options'] as const,
  series: (query: SeriesQuery) => ['forecasting', 'series', query] as const,
  accuracy: (query: object) => ['forecasting', 'accuracy', query] as const,
  dataEnd: ['forecasting', 'data-end'] as const,
};

/** A page of runs, refreshed every 2 s while one of them is queued or running. */
export function useForecastRuns(filter: RunsFilter) {
  return useQuery({
    queryKey: forecastingKeys.runs(filter),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/forecast-runs', {
          params: {
            query: {
              page: filter.page,
              pageSize: LIST_DEFAULT_PAGE_SIZE,
              ...(filter.month ? { month: filter.month } : {}),
              ...(filter.state ? { state: filter.state } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: (query) => pollInterval(query.state.data?.items),
  });
}

/** The latest runs (completed ones first matter): for run pickers and to date accuracy rows. */
export function useRunOptions() {
  return useQuery({
    queryKey: forecastingKeys.runOptions,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/forecast-runs', { params: { query: { pageSize: 100 } }, signal })),
    staleTime: STALE.list,
    select: (page) => page.items,
  });
}

export function useForecastSeries(query: SeriesQuery | undefined) {
  return useQuery({
    queryKey: forecastingKeys.series(query ?? { level: 'company' }),
    queryFn: ({ signal }) => unwrap(api.GET('/api/forecasts/series', { params: { query: query! }, signal })),
    enabled: query !== undefined,
    placeholderData: keepPreviousData,
    staleTime: STALE.detail,
  });
}

export function useAccuracy(query: { runId?: string; period?: string; published?: boolean }, enabled = true) {
  return useQuery({
    queryKey: forecastingKeys.accuracy(query),
    queryFn: ({ signal }): Promise<AccuracyRow[]> =>
      unwrap(api.GET('/api/forecast-accuracy', { params: { query }, signal })),
    enabled,
    staleTime: STALE.list,
  });
}

/**
 * Where the data ends, to default a new run to the month after it. The latest sales month is read from a
 * retailer's sales (they end where the data ends); without access to retailers, the company series' history
 * (which ends before the published forecast, or where the data ends when nothing is published) is used.
 */
export function useDataEnd(enabled: boolean) {
  return useQuery({
    queryKey: forecastingKeys.dataEnd,
    queryFn: async ({ signal }) => {
      const series = await unwrap(
        api.GET('/api/forecasts/series', { params: { query: { level: 'company' } }, signal }),
      );
      let salesLatest: string | null = null;
      try {
        const customers = await unwrap(
          api.GET('/api/customers', { params: { query: { pageSize: 1 } }, signal }),
        );
        const first = customers.items[0];
        if (first) {
          const sales = await unwrap(
            api.GET('/api/customers/{id}/sales', {
              params: { path: { id: first.id }, query: { months: 1 } },
              signal,
            }),
          );
          salesLatest = sales.months.at(-1) ?? null;
        }
      } catch {
        // No access to retailers: the series is enough.
      }
      return { historyMonths: series.historyMonths, salesLatest };
    },
    enabled,
    staleTime: STALE.list,
  });
}

function useInvalidateRuns() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: forecastingKeys.all });
}

export function useStartRun() {
  const invalidate = useInvalidateRuns();
  return useMutation({
    mutationFn: async (body: StartRunInput): Promise<{ run: ForecastRun; created: boolean }> => {
      // 201 is a new run; 200 is the same run already queued or running.
      let created = false;
      const run = await unwrap(
        api.POST('/api/forecast-runs', { body }).then((result) => {
          created = result.response.status === 201;
          return result;
        }),
      );
      return { run, created };
    },
    onSuccess: invalidate,
  });
}

export type RunAction = 'cancel' | 'approve' | 'score';

export function useRunAction() {
  const invalidate = useInvalidateRuns();
  return useMutation({
    mutationFn: async ({ action, run }: { action: RunAction; run: ForecastRun }) => {
      const params = { params: { path: { id: run.id } } };
      if (action === 'cancel') await unwrap(api.POST('/api/forecast-runs/{id}/cancel', params));
      else if (action === 'approve') await unwrap(api.POST('/api/forecast-runs/{id}/approve', params));
      else await unwrap(api.POST('/api/forecast-runs/{id}/score', params));
    },
    onSuccess: invalidate,
  });
}
