import { Spin } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router';
import { customerRoutes } from '../features/customers/routes';
import { importRoutes } from '../features/imports/routes';
import { referenceRoutes } from '../features/reference/routes';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    // Shown while a lazily loaded screen is fetched on the first page load.
    hydrateFallbackElement: <Spin fullscreen />,
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      ...customerRoutes,
      ...referenceRoutes,
      ...importRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
