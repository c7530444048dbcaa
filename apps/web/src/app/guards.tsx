import { Navigate, Outlet, useLocation } from 'react-router';
import { useCan } from '../features/auth/use-session';
import { ForbiddenPage } from './ForbiddenPage';
import { homePath, mayOpen } from './navigation';

/** The layout's outlet, or a 403 page where the user's permissions do not reach (see ROUTE_PERMISSIONS). */
export function PermittedOutlet() {
  const can = useCan();
  const { pathname } = useLocation();
  return mayOpen(pathname, can) ? <Outlet /> : <ForbiddenPage />;
}

/** `/`: the first screen this user may open. */
export function HomeRedirect() {
  const home = homePath(useCan());
  return home ? <Navigate to={home} replace /> : <ForbiddenPage />;
}
