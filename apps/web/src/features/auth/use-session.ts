import { useMemo, useSyncExternalStore } from 'react';
import { session } from '../../shared/api/client';
import type { SessionState } from '../../shared/api/session';
import { canOf, type Can } from './permissions';

/** The session of this tab; re-renders on sign-in, refresh (the user may have new roles) and sign-out. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

/** `can('users:manage')`: whether the signed-in user holds a permission. */
export function useCan(): Can {
  const { user } = useSession();
  return useMemo(() => canOf(user), [user]);
}
