import type { RouteObject } from 'react-router';

export const importRoutes: RouteObject[] = [
  {
    path: 'imports',
    lazy: async () => ({
      Component: (await import('./ImportsPage')).ImportsPage,
    }),
  },
];
