import { Spin } from 'antd';
import { createBrowserRouter, Outlet } from 'react-router';
import { adminRoutes } from '../features/admin/routes';
import { RequireSession } from '../features/auth/RequireSession';
import { customerRoutes } from '../features/customers/routes';
import { forecastingRoutes } from '../features/forecasting/routes';
import { importRoutes } from '../features/imports/routes';
import { referenceRoutes } from '../features/reference/routes';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './guards';

// Every screen is loaded when first opened, with the parts of antd it uses: the first page load brings only the
// shell (layout, menu, session) and the screen it opens.
export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('../features/auth/LoginPage')).LoginPage }),
    hydrateFallbackElement: <Spin fullscreen />,
  },
  {
    path: '/change-password',
    element: (
      <RequireSession passwordChange>
        <Outlet />
      </RequireSession>
    ),
    hydrateFallbackElement: <Spin fullscreen />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/auth/ChangePasswordPage')).ChangePasswordPage,
        }),
      },
    ],
  },
  {
    path: '/',
    // Every screen needs a session; each needs its permission too (see PermittedOutlet in AppLayout).
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    // Shown while a lazily loaded screen is fetched on the first page load.
    hydrateFallbackElement: <Spin fullscreen />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...customerRoutes,
      ...referenceRoutes,
      ...importRoutes,
      ...forecastingRoutes,
      ...adminRoutes,
      { path: '*', lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }) },
    ],
  },
]);
