/** A record that is updated with optimistic locking: an update names the version it was edited from. */
export interface Versioned {
  id: number;
  version: number;
}

export type CreateRequest<V> = { body: V };
export type UpdateRequest<V> = { id: number; body: V & { version: number } };

/**
 * The variables of a reference list's save mutation: a create has no id; an update names the version the form
 * started from, so that the API refuses it (rather than overwrite) if someone else saved in between.
 */
export function saveRequest<V extends object>(values: V): CreateRequest<V>;
export function saveRequest<V extends object>(values: V, record: Versioned): UpdateRequest<V>;
export function saveRequest<V extends object>(
  values: V,
  record: Versioned | undefined,
): CreateRequest<V> | UpdateRequest<V>;
export function saveRequest<V extends object>(
  values: V,
  record?: Versioned,
): CreateRequest<V> | UpdateRequest<V> {
  return record ? { id: record.id, body: { ...values, version: record.version } } : { body: values };
}
