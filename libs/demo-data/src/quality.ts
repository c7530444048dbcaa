import type { RetailerRecord } from '@tms/domain';
import type { CsvValue } from './csv';
import { DEMO_FILES, type DemoFileName } from './files';
import { Random } from './random';
import type { DemoWorld } from './world';

/**
 * Data-quality problems injected into the CSV files (only with `withDataQualityIssues: true`), so that the
 * import path can be tested against a known list. Injected rows are extra rows: the clean data stays whole,
 * and each problem is on exactly one line.
 */
export const RETAILER_ISSUE_KINDS = [
  'duplicate_licence_no',
  'malformed_phone',
  'unknown_district_code',
  'tier_out_of_range',
  'unknown_business_type',
] as const;

export const ORDER_LINE_ISSUE_KINDS = [
  'negative_cartons',
  'unknown_brand_code',
  'invalid_date',
  'non_numeric_amount',
  'duplicate_row',
] as const;

export type RetailerIssueKind = (typeof RETAILER_ISSUE_KINDS)[number];
export type OrderLineIssueKind = (typeof ORDER_LINE_ISSUE_KINDS)[number];
export type DataQualityIssueKind = RetailerIssueKind | OrderLineIssueKind;

export interface DataQualityIssue {
  file: DemoFileName;
  /** 1-based line number in the file, the header being line 1. */
  line: number;
  kind: DataQualityIssueKind;
  /** The offending column, or null when the whole row is the problem (an exact duplicate). */
  column: string | null;
}

const ISSUE_COLUMN: Record<DataQualityIssueKind, string | null> = {
  duplicate_licence_no: 'licence_no',
  malformed_phone: 'phone',
  unknown_district_code: 'district_code',
  tier_out_of_range: 'tier',
  unknown_business_type: 'business_type',
  negative_cartons: 'cartons',
  unknown_brand_code: 'brand_code',
  invalid_date: 'order_date',
  non_numeric_amount: 'amount',
  duplicate_row: null,
};

/** Values the injected rows use, exported so tests can recognise them. */
export const BAD_VALUES = {
  phone: '1381234567',
  districtCode: 'C99-M99-R99',
  tier: 31,
  businessType: 'kiosk',
  brandCode: '6900000000007',
  date: '2026-02-30',
  amount: 'N/A',
} as const;

export interface RetailerInjection {
  /** The row is written after the retailer with this index. */
  afterIndex: number;
  line: number;
  kind: RetailerIssueKind;
  /** The row's values in RETAILER_CSV_COLUMNS order. */
  values: CsvValue[];
}

export interface OrderLineInjection {
  line: number;
  kind: OrderLineIssueKind;
}

export interface DataQualityPlan {
  retailers: RetailerInjection[];
  orderLines: OrderLineInjection[];
  manifest: DataQualityIssue[];
}

/** The last line number an order-line problem can be on: the history must have at least this many lines. */
export const MAX_ORDER_LINE_ISSUE_LINE = 1200;

/** A retailer's values in RETAILER_CSV_COLUMNS order. */
export function retailerValues(r: RetailerRecord): CsvValue[] {
  return [
    r.licenceNo,
    r.shopName,
    r.ownerName,
    r.phone,
    r.address,
    r.districtCode,
    r.marketType,
    r.businessType,
    r.tradeArea,
    r.scale,
    r.licenceStatus,
    r.status,
    r.integrityGrade,
    r.tier,
    r.terminalStatus,
    r.accountManagerCode,
    r.orderDay,
    r.visitCycle,
    r.birthday,
    r.preferences,
    r.openedOn,
  ];
}

/** Where and what the injected problems are; deterministic in the world's seed and scale. */
export function dataQualityPlan(world: DemoWorld): DataQualityPlan {
  const rng = Random.derive(world.seed, `quality/${world.scale}`);
  const n = world.retailers.length;
  if (n < 10) throw new RangeError('too few retailers to inject data-quality problems');

  // Retailers: five extra rows at distinct places.
  const afterSet = new Set<number>();
  while (afterSet.size < RETAILER_ISSUE_KINDS.length) afterSet.add(rng.range(1, n - 1));
  const afters = [...afterSet].sort((a, b) => a - b);
  const retailerKinds = rng.shuffle([...RETAILER_ISSUE_KINDS]);
  const usedLicences = new Set(world.retailers.map((r) => r.licenceNo));
  let serial = 900000 + rng.int(1000);
  const freshLicence = (): string => {
    let licence: string;
    do licence = `421699${String(serial++).padStart(6, '0')}`;
    while (usedLicences.has(licence));
    return licence;
  };
  const retailers = afters.map((afterIndex, k): RetailerInjection => {
    const kind = retailerKinds[k];
    const source = world.retailers[rng.int(n)];
    const values = retailerValues({
      ...source,
      licenceNo: freshLicence(),
      shopName: `${source.shopName}(新)`,
    });
    switch (kind) {
      case 'duplicate_licence_no':
        values[0] = world.retailers[rng.range(0, afterIndex)].licenceNo;
        break;
      case 'malformed_phone':
        values[3] = BAD_VALUES.phone;
        break;
      case 'unknown_district_code':
        values[5] = BAD_VALUES.districtCode;
        break;
      case 'tier_out_of_range':
        values[13] = BAD_VALUES.tier;
        break;
      case 'unknown_business_type':
        values[7] = BAD_VALUES.businessType;
        break;
    }
    // Header is line 1, retailer i is on line i + 2, plus the injected rows before this one.
    return { afterIndex, line: afterIndex + 3 + k, kind, values };
  });

  // Order lines: five extra lines among the first MAX_ORDER_LINE_ISSUE_LINE, at least a few lines apart.
  const orderKinds = rng.shuffle([...ORDER_LINE_ISSUE_KINDS]);
  const slot = Math.floor((MAX_ORDER_LINE_ISSUE_LINE - 20) / ORDER_LINE_ISSUE_KINDS.length);
  const orderLines = orderKinds.map((kind, k) => ({ line: 20 + k * slot + rng.int(slot - 5), kind }));

  const manifest: DataQualityIssue[] = [
    ...retailers.map((i) => ({
      file: DEMO_FILES.retailers,
      line: i.line,
      kind: i.kind,
      column: ISSUE_COLUMN[i.kind],
    })),
    ...orderLines.map((i) => ({
      file: DEMO_FILES.orderLines,
      line: i.line,
      kind: i.kind,
      column: ISSUE_COLUMN[i.kind],
    })),
  ];
  return { retailers, orderLines, manifest };
}

/** The list of injected problems: file, line (header = 1) and kind. */
export function dataQualityManifest(world: DemoWorld): DataQualityIssue[] {
  return dataQualityPlan(world).manifest;
}
