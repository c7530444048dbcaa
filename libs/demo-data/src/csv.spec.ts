import { BUSINESS_TYPES, ORDER_LINE_CSV_COLUMNS, RETAILER_CSV_COLUMNS } from '@tms/domain';
import {
  ACCOUNT_MANAGER_CSV_COLUMNS,
  accountManagersCsv,
  BRAND_CSV_COLUMNS,
  brandsCsv,
  csvField,
  csvRow,
  DISTRICT_CSV_COLUMNS,
  districtsCsv,
  MANUFACTURER_CSV_COLUMNS,
  manufacturersCsv,
  parseCsv,
  retailersCsv,
} from './csv';
import { DEMO_FILES } from './files';
import { orderLinesCsvChunks } from './order-lines-csv';
import { dataQualityManifest, type DataQualityIssue } from './quality';
import { generateWorld, type DemoWorld } from './world';

describe('csvField', () => {
  it('should quote fields with commas, quotes and line breaks, and leave others alone', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('中文，全角逗号')).toBe('中文，全角逗号');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField(false)).toBe('false');
  });

  it('should round-trip through the parser', () => {
    const values = ['a,b', 'say "hi"', '', 'x\r\ny', '汉字'];
    expect(parseCsv(csvRow(values))).toEqual([values]);
  });
});

describe('CSV writers', () => {
  const world = generateWorld('small');

  it('should write the retailers with the shared columns, nulls empty, quoting intact', () => {
    const rows = parseCsv(retailersCsv(world));
    expect(rows[0]).toEqual([...RETAILER_CSV_COLUMNS]);
    expect(rows).toHaveLength(world.retailers.length + 1);
    world.retailers.forEach((r, i) => {
      const row = rows[i + 1];
      expect(row).toHaveLength(RETAILER_CSV_COLUMNS.length);
      const get = (c: (typeof RETAILER_CSV_COLUMNS)[number]): string => row[RETAILER_CSV_COLUMNS.indexOf(c)];
      expect(get('licence_no')).toBe(r.licenceNo);
      expect(get('shop_name')).toBe(r.shopName);
      expect(get('tier')).toBe(String(r.tier));
      expect(get('preferences')).toBe(r.preferences ?? '');
      expect(get('birthday')).toBe(r.birthday ?? '');
    });
    // Some preferences need quoting, and survive it.
    expect(world.retailers.some((r) => r.preferences?.includes(','))).toBe(true);
  });

  it('should write the reference data with their headers', () => {
    const cases: Array<[string, readonly string[], number]> = [
      [districtsCsv(world), DISTRICT_CSV_COLUMNS, world.districts.length],
      [manufacturersCsv(world), MANUFACTURER_CSV_COLUMNS, world.manufacturers.length],
      [accountManagersCsv(world), ACCOUNT_MANAGER_CSV_COLUMNS, world.accountManagers.length],
      [brandsCsv(world), BRAND_CSV_COLUMNS, world.brands.length],
    ];
    for (const [text, columns, count] of cases) {
      const rows = parseCsv(text);
      expect(rows[0]).toEqual([...columns]);
      expect(rows).toHaveLength(count + 1);
      for (const row of rows) expect(row).toHaveLength(columns.length);
    }
    const brands = parseCsv(brandsCsv(world));
    const withdrawn = brands.find((r) => r[7] === 'withdrawn')!;
    expect(withdrawn[10]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(brands[1][4]).toMatch(/^\d+\.\d{2}$/);
    expect(['true', 'false']).toContain(brands[1][8]);
  });
});

/** A strict little validator, standing in for the import path: it reports (file, line, kind) per bad row. */
function validate(world: DemoWorld, retailersText: string, orderLinesText: string): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  const districts = new Set(world.districts.map((d) => d.code));
  const seenLicences = new Set<string>();
  parseCsv(retailersText).forEach((row, i) => {
    if (i === 0) return;
    const line = i + 1;
    const get = (c: (typeof RETAILER_CSV_COLUMNS)[number]): string => row[RETAILER_CSV_COLUMNS.indexOf(c)];
    const report = (kind: DataQualityIssue['kind'], column: string): void => {
      issues.push({ file: DEMO_FILES.retailers, line, kind, column });
    };
    if (seenLicences.has(get('licence_no'))) report('duplicate_licence_no', 'licence_no');
    seenLicences.add(get('licence_no'));
    if (!/^1[3-9]\d{9}$/.test(get('phone'))) report('malformed_phone', 'phone');
    if (!districts.has(get('district_code'))) report('unknown_district_code', 'district_code');
    const tier = Number(get('tier'));
    if (!Number.isInteger(tier) || tier < 1 || tier > 30) report('tier_out_of_range', 'tier');
    if (!(BUSINESS_TYPES as readonly string[]).includes(get('business_type'))) {
      report('unknown_business_type', 'business_type');
    }
  });
  const brands = new Set(world.brands.map((b) => b.code));
  const licences = new Set(world.retailers.map((r) => r.licenceNo));
  const seenRows = new Set<string>();
  orderLinesText.split('\n').forEach((text, i) => {
    if (i === 0) {
      expect(text).toBe(ORDER_LINE_CSV_COLUMNS.join(','));
      return;
    }
    if (text === '') return;
    const line = i + 1;
    const report = (kind: DataQualityIssue['kind'], column: string | null): void => {
      issues.push({ file: DEMO_FILES.orderLines, line, kind, column });
    };
    if (seenRows.has(text)) report('duplicate_row', null);
    seenRows.add(text);
    const [licence, brand, date, cartons, amount] = text.split(',');
    if (!licences.has(licence)) throw new Error(`unknown licence on line ${line}`);
    if (!brands.has(brand)) report('unknown_brand_code', 'brand_code');
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      report('invalid_date', 'order_date');
    }
    if (!/^\d+$/.test(cartons) || Number(cartons) < 1) report('negative_cartons', 'cartons');
    if (!/^-?\d+\.\d{2}$/.test(amount)) report('non_numeric_amount', 'amount');
  });
  return issues;
}

describe('data-quality problems', () => {
  const world = generateWorld('small');
  const text = (withDataQualityIssues: boolean): [string, string] => [
    retailersCsv(world, { withDataQualityIssues }),
    [...orderLinesCsvChunks(world, { withDataQualityIssues })].join(''),
  ];

  it('should be absent by default', () => {
    const [retailers, orderLines] = text(false);
    expect(validate(world, retailers, orderLines)).toEqual([]);
  });

  it('should be exactly the rows of the manifest when asked for', () => {
    const manifest = dataQualityManifest(world);
    expect(manifest).toHaveLength(10);
    expect(new Set(manifest.map((m) => m.kind)).size).toBe(10);
    const [retailers, orderLines] = text(true);
    const found = validate(world, retailers, orderLines);
    const order = (a: DataQualityIssue, b: DataQualityIssue): number =>
      a.file.localeCompare(b.file) || a.line - b.line;
    expect([...found].sort(order)).toEqual([...manifest].sort(order));
  });

  it('should only add rows, leaving the clean data whole', () => {
    const [clean] = text(false);
    const [dirty] = text(true);
    expect(parseCsv(dirty).length - parseCsv(clean).length).toBe(5);
  });

  it('should be deterministic', () => {
    expect(dataQualityManifest(generateWorld('small'))).toEqual(dataQualityManifest(world));
  });
});
