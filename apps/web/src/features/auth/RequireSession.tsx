import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loginPath, safeNext } from './auth-errors';
import { useSession } from './use-session';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** While the session is being restored on start (one silent refresh). */
export function SessionPending() {
  return <Spin fullscreen data-testid="session-pending" />;
}

/**
 * Renders its children only with a session. Without one it goes to the sign-in page, which comes back here
 * afterwards; a user who must change their password is taken to that page first.
 */
export function RequireSession({
  children,
  passwordChange = false,
}: {
  children: ReactNode;
  /** This is the change-password page itself. */
  passwordChange?: boolean;
}) {
  const state = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  // The change-password page is never where one goes after signing in: its own `next` is.
  const intended = passwordChange ? safeNext(new URLSearchParams(location.search).get('next')) : here;

  if (state.status === 'unknown') return <SessionPending />;
  if (state.status === 'signed-out') {
    return <Navigate to={state.reason === 'signed-out' ? '/login' : loginPath(intended)} replace />;
  }
  if (state.user.mustChangePassword && !passwordChange) {
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(intended)}`} replace />;
  }
  return children;
}
