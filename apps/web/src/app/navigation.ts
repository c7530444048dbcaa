import type { Can, Permission } from '../features/auth/permissions';

/**
 * The permission each part of the app needs, by path prefix (the longest prefix wins). The menu hides what
 * the user may not use and the layout shows a 403 page for it, so a new screen under one of these prefixes
 * is guarded without any change here. Paths not listed need only a session.
 */
export const ROUTE_PERMISSIONS: readonly { prefix: string; permission: Permission }[] = [
  { prefix: '/customers', permission: 'customers:read' },
  { prefix: '/reference', permission: 'reference:read' },
  { prefix: '/imports', permission: 'imports:read' },
  { prefix: '/forecasting', permission: 'forecasting:read' },
  { prefix: '/admin/users', permission: 'users:manage' },
  { prefix: '/admin/api-keys', permission: 'apikeys:manage' },
  { prefix: '/admin/audit', permission: 'audit:read' },
];

function matches(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The permission `pathname` needs, if any. */
export function requiredPermission(pathname: string): Permission | undefined {
  let best: { prefix: string; permission: Permission } | undefined;
  for (const rule of ROUTE_PERMISSIONS) {
    if (matches(pathname, rule.prefix) && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best?.permission;
}

export function mayOpen(pathname: string, can: Can): boolean {
  const permission = requiredPermission(pathname);
  return permission === undefined || can(permission);
}

/**
 * The menu without what the user may not open: leaves whose key is a path they may not open, and groups left
 * empty by that. Dividers and other items without a path stay. (Typed loosely to take antd's item union.)
 */
export function filterMenu<T>(items: readonly T[] | undefined, can: Can): T[] {
  const out: T[] = [];
  for (const item of items ?? []) {
    const node = (item ?? {}) as { key?: unknown; children?: unknown };
    if (Array.isArray(node.children)) {
      const children = filterMenu(node.children as unknown[], can);
      if (children.length > 0) out.push({ ...item, children } as T);
    } else if (typeof node.key !== 'string' || !node.key.startsWith('/') || mayOpen(node.key, can)) {
      out.push(item);
    }
  }
  return out;
}

/** Where home is for this user: the first screen they may open, in menu order. */
export const HOME_CANDIDATES = [
  '/customers',
  '/reference/districts',
  '/imports',
  '/forecasting',
  '/admin/users',
  '/admin/api-keys',
  '/admin/audit',
] as const;

export function homePath(can: Can): string | undefined {
  return HOME_CANDIDATES.find((path) => mayOpen(path, can));
}
