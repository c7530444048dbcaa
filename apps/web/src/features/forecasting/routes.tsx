import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';

/** The forecasting screens; each brings the chart library, so each is loaded when first opened. */
export const forecastingRoutes: RouteObject[] = [
  { path: 'forecasting', element: <Navigate to="/forecasting/runs" replace /> },
  {
    path: 'forecasting/runs',
    lazy: async () => ({ Component: (await import('./RunsPage')).RunsPage }),
  },
  {
    path: 'forecasting/chart',
    lazy: async () => ({ Component: (await import('./ForecastChartPage')).ForecastChartPage }),
  },
  {
    path: 'forecasting/accuracy',
    lazy: async () => ({ Component: (await import('./AccuracyPage')).AccuracyPage }),
  },
];
