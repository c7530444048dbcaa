import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';

/** Administration: users, manufacturers' API keys, the audit trail (each guarded in app/navigation.ts). */
export const adminRoutes: RouteObject[] = [
  { path: 'admin', element: <Navigate to="/admin/users" replace /> },
  {
    path: 'admin/users',
    lazy: async () => ({ Component: (await import('./users/UsersPage')).UsersPage }),
  },
  {
    path: 'admin/api-keys',
    lazy: async () => ({ Component: (await import('./api-keys/ApiKeysPage')).ApiKeysPage }),
  },
  {
    path: 'admin/audit',
    lazy: async () => ({ Component: (await import('./audit/AuditPage')).AuditPage }),
  },
];
