import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { adminRoutes } from '../features/admin/routes';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireSession } from '../features/auth/RequireSession';
import { customerRoutes } from '../features/customers/routes';
import { forecastingRoutes } from '../features/forecasting/routes';
import { importRoutes } from '../features/imports/routes';
import { referenceRoutes } from '../features/reference/routes';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './guards';
import { NotFoundPage } from './NotFoundPage';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/change-password',
    element: (
      <RequireSession passwordChange>
        <ChangePasswordPage />
      </RequireSession>
    ),
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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
