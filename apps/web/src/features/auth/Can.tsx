import type { ReactNode } from 'react';
import type { Permission } from './permissions';
import { useCan } from './use-session';

export interface CanProps {
  /** The permission the API requires for what `children` does. */
  permission: Permission;
  children: ReactNode;
  /** What to show instead (nothing by default: an action the user may not take is hidden, not disabled). */
  fallback?: ReactNode;
}

/**
 * `children` only when the signed-in user holds `permission`: `<Can permission="customers:write">…</Can>`.
 * For a table column or other non-JSX decision, use {@link useCan} (the same check).
 */
export function Can({ permission, children, fallback = null }: CanProps) {
  return useCan()(permission) ? children : fallback;
}
