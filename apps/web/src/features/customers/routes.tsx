import type { RouteObject } from 'react-router';
import { CustomerListPage } from './CustomerListPage';

export const customerRoutes: RouteObject[] = [
  { path: 'customers', element: <CustomerListPage /> },
  {
    // The profile brings the chart library: loaded when first opened.
    path: 'customers/:id',
    lazy: async () => ({
      Component: (await import('./CustomerProfilePage')).CustomerProfilePage,
    }),
  },
];
