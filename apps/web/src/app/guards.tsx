import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useCan } from '../features/auth/use-session';
import { homePath, mayOpen } from './navigation';

// Rarely shown, and its illustration is large: loaded only when needed.
const ForbiddenPage = lazy(async () => ({ default: (await import('./ForbiddenPage')).ForbiddenPage }));

function Forbidden() {
  return (
    <Suspense fallback={<Spin />}>
      <ForbiddenPage />
    </Suspense>
  );
}

/** The layout's outlet, or a 403 page where the user's permissions do not reach (see ROUTE_PERMISSIONS). */
export function PermittedOutlet() {
  const can = useCan();
  const { pathname } = useLocation();
  return mayOpen(pathname, can) ? <Outlet /> : <Forbidden />;
}

/** `/`: the first screen this user may open. */
export function HomeRedirect() {
  const home = homePath(useCan());
  return home ? <Navigate to={home} replace /> : <Forbidden />;
}
