import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';

export const referenceRoutes: RouteObject[] = [
  {
    path: 'reference',
    element: <Navigate to="/reference/districts" replace />,
  },
  {
    path: 'reference/districts',
    lazy: async () => ({
      Component: (await import('./districts/DistrictsPage')).DistrictsPage,
    }),
  },
  {
    path: 'reference/brands',
    lazy: async () => ({
      Component: (await import('./brands/BrandsPage')).BrandsPage,
    }),
  },
  {
    path: 'reference/manufacturers',
    lazy: async () => ({
      Component: (await import('./manufacturers/ManufacturersPage')).ManufacturersPage,
    }),
  },
  {
    path: 'reference/account-managers',
    lazy: async () => ({
      Component: (await import('./account-managers/AccountManagersPage')).AccountManagersPage,
    }),
  },
];
