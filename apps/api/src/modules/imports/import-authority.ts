import { RETAILER_FIELD_RULES, refusedRetailerFields } from '@tms/domain';
import { WHOLE_MARKET, type DataScope, type Principal } from '../../common/http/request-context';

/**
 * What the uploader of an import may write, taken when the file is uploaded and carried (as plain JSON in the
 * job's data) to the worker that runs it: the import applies the register's field and scope rules itself.
 */
export interface ImportAuthority {
  /** Import columns the uploader may not change on an existing retailer (a new one keeps the file's value). */
  lockedColumns: string[];
  /** Where the uploader may place retailers and which existing ones they may touch. */
  scope: DataScope;
}

export const UNRESTRICTED: ImportAuthority = { lockedColumns: [], scope: WHOLE_MARKET };

export function importAuthority(principal: Principal | undefined): ImportAuthority {
  if (principal?.kind !== 'user') return UNRESTRICTED;
  return {
    lockedColumns: refusedRetailerFields(principal.roles).map((field) => RETAILER_FIELD_RULES[field].column),
    scope: principal.scope,
  };
}

export function isRestricted(authority: ImportAuthority): boolean {
  return authority.lockedColumns.length > 0 || !authority.scope.all;
}
