import type { Schemas } from '../../shared/api/client';

type CustomerDetail = Schemas['CustomerDetailDto'];
type CustomerInput = Schemas['CreateCustomerDto'];
export type CustomerUpdate = Schemas['UpdateCustomerDto'];

/** Every field a person may edit: the create input's fields, as the API defines them. */
export const EDITABLE_FIELDS = [
  'licenceNo',
  'shopName',
  'ownerName',
  'phone',
  'address',
  'districtId',
  'marketType',
  'businessType',
  'tradeArea',
  'scale',
  'licenceStatus',
  'integrityGrade',
  'tier',
  'terminalStatus',
  'accountManagerId',
  'orderDay',
  'visitCycle',
  'birthday',
  'preferences',
  'openedOn',
] as const satisfies readonly (keyof CustomerInput & keyof CustomerDetail)[];

// Compile-time check that the list names every input field.
type Missing = Exclude<keyof CustomerInput, (typeof EDITABLE_FIELDS)[number]>;
const _everyInputFieldIsEditable: [Missing] extends [never] ? true : Missing = true;
void _everyInputFieldIsEditable;

export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type CustomerFormValues = {
  [K in EditableField]: CustomerDetail[K] | undefined;
};

const NULLABLE: ReadonlySet<EditableField> = new Set([
  'accountManagerId',
  'birthday',
  'preferences',
  'openedOn',
]);

export function toFormValues(customer: CustomerDetail): CustomerFormValues {
  return Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, customer[field]])) as CustomerFormValues;
}

function normalise(field: EditableField, value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = field === 'preferences' ? value : value.trim();
    return trimmed === '' && NULLABLE.has(field) ? null : trimmed;
  }
  return value === undefined && NULLABLE.has(field) ? null : value;
}

/**
 * The PATCH body: only the fields that changed, and the version that was read (so the API can refuse the
 * update if someone else saved in between). Null clears an optional field.
 */
export function toUpdateBody(customer: CustomerDetail, values: Partial<CustomerFormValues>): CustomerUpdate {
  const body: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    if (!(field in values)) continue;
    const next = normalise(field, values[field]);
    const current = normalise(field, customer[field]);
    if (next !== current && next !== undefined) body[field] = next;
  }
  return {
    ...(body as Omit<CustomerUpdate, 'version'>),
    version: customer.version,
  };
}

export function hasChanges(body: CustomerUpdate): boolean {
  return Object.keys(body).some((key) => key !== 'version');
}
