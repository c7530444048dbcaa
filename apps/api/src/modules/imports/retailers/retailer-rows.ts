import {
  BUSINESS_TYPES,
  classificationCode,
  CUSTOMER_STATUSES,
  DEFAULT_INTEGRITY_GRADES,
  LICENCE_STATUSES,
  MARKET_TYPES,
  MAX_TIER,
  MIN_TIER,
  RETAILER_CSV_COLUMNS,
  TERMINAL_STATUSES,
  TRADE_AREAS,
  VISIT_CYCLES,
  type BusinessType,
  type MarketType,
  type Scale,
} from '@tms/domain';
import type { RowParser } from '../bulk/bulk-kind';
import {
  copyValue,
  DateChecker,
  integerInRangeProblem,
  rowError,
  type RowErrors,
} from '../bulk/field-checks';

export interface RetailerDictionaries {
  /** District code → id. */
  districts: ReadonlyMap<string, number>;
  /** Account manager code → id. */
  accountManagers: ReadonlyMap<string, number>;
}

/** Staging table of a retailer import: the target table's columns, ids resolved, plus the file line. */
export const RETAILER_STAGING_COLUMNS = `
  line int NOT NULL, licence_no varchar(32) NOT NULL, shop_name varchar(100) NOT NULL,
  owner_name varchar(50) NOT NULL, phone varchar(20) NOT NULL, address varchar(200) NOT NULL,
  district_id int NOT NULL, market_type varchar(8) NOT NULL, business_type varchar(20) NOT NULL,
  trade_area varchar(20) NOT NULL, scale smallint NOT NULL, classification_code varchar(8) NOT NULL,
  licence_status varchar(16) NOT NULL, status varchar(16) NOT NULL, integrity_grade varchar(8) NOT NULL,
  tier smallint NOT NULL, terminal_status varchar(16) NOT NULL, account_manager_id int,
  order_day smallint NOT NULL, visit_cycle varchar(20) NOT NULL, birthday date,
  preferences varchar(500), opened_on date`;

const LICENCE_NO = /^[0-9A-Za-z]{6,32}$/;
/** Mainland mobile (11 digits) or a landline with area code. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const MAX_LENGTH = { shop_name: 100, owner_name: 50, address: 200, preferences: 500 } as const;
const COLUMN_INDEX = Object.fromEntries(RETAILER_CSV_COLUMNS.map((name, i) => [name, i])) as Record<
  (typeof RETAILER_CSV_COLUMNS)[number],
  number
>;

/** Checks a retailer row (fields in RETAILER_CSV_COLUMNS order) and returns its staging line. */
export function retailerRowParser(dictionaries: RetailerDictionaries): RowParser {
  const dates = new DateChecker();
  return (fields, line, errors) => {
    const before = errors.length;
    const v = (column: (typeof RETAILER_CSV_COLUMNS)[number]): string => fields[COLUMN_INDEX[column]].trim();
    const fail = (field: string, value: string | null, reason: string): null => {
      errors.push(rowError(line, field, value, reason));
      return null;
    };
    const text = (
      column: keyof typeof MAX_LENGTH | 'phone' | 'licence_no',
      required: boolean,
    ): string | null => {
      const value = v(column);
      if (value === '') return required ? fail(column, value, 'is required') : null;
      if (value.includes('\uFFFD'))
        return fail(column, value, 'is not UTF-8 text: save the file as CSV UTF-8');
      if (column in MAX_LENGTH && value.length > MAX_LENGTH[column as keyof typeof MAX_LENGTH]) {
        return fail(
          column,
          value,
          `must be at most ${MAX_LENGTH[column as keyof typeof MAX_LENGTH]} characters`,
        );
      }
      return value;
    };
    const oneOf = <T extends string>(
      column: (typeof RETAILER_CSV_COLUMNS)[number],
      allowed: readonly T[],
    ): T | null => {
      const value = v(column);
      return (allowed as readonly string[]).includes(value)
        ? (value as T)
        : fail(column, value, `must be one of ${allowed.join(', ')}`);
    };
    const integer = (
      column: (typeof RETAILER_CSV_COLUMNS)[number],
      min: number,
      max: number,
    ): number | null => {
      const value = v(column);
      const problem = integerInRangeProblem(value, min, max);
      return problem ? fail(column, value, problem) : Number(value);
    };
    const date = (column: 'birthday' | 'opened_on'): string | null => {
      const value = v(column);
      if (value === '') return null;
      const problem = dates.check(value);
      return problem ? fail(column, value, problem) : value;
    };
    const code = (
      column: 'district_code' | 'account_manager_code',
      map: ReadonlyMap<string, number>,
      required: boolean,
    ) => {
      const value = v(column);
      if (value === '') return required ? fail(column, value, 'is required') : null;
      const id = map.get(value);
      return id === undefined
        ? fail(column, value, `unknown ${column.replace('_code', '').replace('_', ' ')}`)
        : id;
    };

    const licenceNo = text('licence_no', true);
    if (licenceNo !== null && !LICENCE_NO.test(licenceNo))
      fail('licence_no', licenceNo, 'must be 6–32 letters or digits');
    const shopName = text('shop_name', true);
    const ownerName = text('owner_name', true);
    const phone = text('phone', true);
    if (phone !== null && !PHONE.test(phone))
      fail('phone', phone, 'must be a mobile (1xxxxxxxxxx) or landline (0xx-xxxxxxxx) number');
    const address = text('address', true);
    const districtId = code('district_code', dictionaries.districts, true);
    const marketType = oneOf<MarketType>('market_type', MARKET_TYPES);
    const businessType = oneOf<BusinessType>('business_type', BUSINESS_TYPES);
    const tradeArea = oneOf('trade_area', TRADE_AREAS);
    const scale = integer('scale', 1, 3) as Scale | null;
    const licenceStatus = oneOf('licence_status', LICENCE_STATUSES);
    const status = oneOf('status', CUSTOMER_STATUSES);
    const integrityGrade = oneOf('integrity_grade', DEFAULT_INTEGRITY_GRADES);
    const tier = integer('tier', MIN_TIER, MAX_TIER);
    const terminalStatus = oneOf('terminal_status', TERMINAL_STATUSES);
    const accountManagerId = code('account_manager_code', dictionaries.accountManagers, false);
    const orderDay = integer('order_day', 1, 7);
    const visitCycle = oneOf('visit_cycle', VISIT_CYCLES);
    const birthday = date('birthday');
    const preferences = text('preferences', false);
    const openedOn = date('opened_on');
    if (errors.length > before) return null;

    const classification = classificationCode({
      marketType: marketType!,
      businessType: businessType!,
      scale: scale!,
    });
    return `${line}\t${[
      licenceNo,
      shopName,
      ownerName,
      phone,
      address,
      districtId,
      marketType,
      businessType,
      tradeArea,
      scale,
      classification,
      licenceStatus,
      status,
      integrityGrade,
      tier,
      terminalStatus,
      accountManagerId,
      orderDay,
      visitCycle,
      birthday,
      preferences,
      openedOn,
    ]
      .map(copyValue)
      .join('\t')}\n`;
  };
}

export type { RowErrors };
