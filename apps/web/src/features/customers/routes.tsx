import type { RouteObject } from 'react-router';

export const customerRoutes: RouteObject[] = [
  {
    path: 'customers',
    lazy: async () => ({ Component: (await import('./CustomerListPage')).CustomerListPage }),
  },
  {
    // The profile brings the chart library: loaded when first opened.
    path: 'customers/:id',
    lazy: async () => ({
      Component: (await import('./CustomerProfilePage')).CustomerProfilePage,
    }),
  },
];
