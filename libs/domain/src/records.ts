import type {
  BusinessType,
  CustomerStatus,
  LicenceStatus,
  MarketType,
  OrderDay,
  Scale,
  TerminalStatus,
  TradeArea,
  VisitCycle,
} from './retailer';
import type { BrandStatus, DistrictLevel, PackType, PriceClass } from './reference';

/**
 * Plain records as they cross the system's edges (CSV import, demo data, exports). Money is in yuan with
 * two decimals; dates are ISO `YYYY-MM-DD` strings.
 */
export interface DistrictRecord {
  code: string;
  name: string;
  level: DistrictLevel;
  parentCode: string | null;
  marketType: MarketType | null;
}

export interface ManufacturerRecord {
  code: string;
  name: string;
}

export interface AccountManagerRecord {
  code: string;
  name: string;
  phone: string;
  districtCodes: string[];
}

export interface BrandRecord {
  code: string;
  name: string;
  manufacturerCode: string;
  priceClass: PriceClass;
  wholesalePrice: number;
  retailPrice: number;
  packType: PackType;
  status: BrandStatus;
  scarce: boolean;
  launchedOn: string | null;
  withdrawnOn: string | null;
}

export interface RetailerRecord {
  licenceNo: string;
  shopName: string;
  ownerName: string;
  phone: string;
  address: string;
  districtCode: string;
  marketType: MarketType;
  businessType: BusinessType;
  tradeArea: TradeArea;
  scale: Scale;
  licenceStatus: LicenceStatus;
  status: CustomerStatus;
  integrityGrade: string;
  tier: number;
  terminalStatus: TerminalStatus;
  accountManagerCode: string | null;
  orderDay: OrderDay;
  visitCycle: VisitCycle;
  birthday: string | null;
  preferences: string | null;
  openedOn: string | null;
}

export interface OrderLineRecord {
  licenceNo: string;
  brandCode: string;
  orderDate: string;
  cartons: number;
  amount: number;
}

/** Column order of the CSV files the import accepts and the demo generator writes. */
export const RETAILER_CSV_COLUMNS = [
  'licence_no',
  'shop_name',
  'owner_name',
  'phone',
  'address',
  'district_code',
  'market_type',
  'business_type',
  'trade_area',
  'scale',
  'licence_status',
  'status',
  'integrity_grade',
  'tier',
  'terminal_status',
  'account_manager_code',
  'order_day',
  'visit_cycle',
  'birthday',
  'preferences',
  'opened_on',
] as const;

/** Columns the register's export adds for people: derived from the others, so an import ignores them. */
export const RETAILER_EXPORT_DERIVED_COLUMNS = [
  'classification_code',
  'district_name',
  'account_manager_name',
] as const;

export const ORDER_LINE_CSV_COLUMNS = [
  'licence_no',
  'brand_code',
  'order_date',
  'cartons',
  'amount',
] as const;
