import type { Response } from 'express';
import { once } from 'node:events';
import { spreadsheetCsv, UTF8_BOM } from '../../common/csv/spreadsheet-csv';
import type { CustomerDetailDto } from './dto/customer.dto';

/**
 * Same column names as the import, so an export can be edited and imported back (the import ignores the
 * derived columns at the end and removes the quotes that neutralise formulas).
 */
const COLUMNS: Array<[header: string, pick: (row: CustomerDetailDto) => unknown]> = [
  ['licence_no', (r) => r.licenceNo],
  ['shop_name', (r) => r.shopName],
  ['owner_name', (r) => r.ownerName],
  ['phone', (r) => r.phone],
  ['address', (r) => r.address],
  ['district_code', (r) => r.districtCode],
  ['market_type', (r) => r.marketType],
  ['business_type', (r) => r.businessType],
  ['trade_area', (r) => r.tradeArea],
  ['scale', (r) => r.scale],
  ['licence_status', (r) => r.licenceStatus],
  ['status', (r) => r.status],
  ['integrity_grade', (r) => r.integrityGrade],
  ['tier', (r) => r.tier],
  ['terminal_status', (r) => r.terminalStatus],
  ['account_manager_code', (r) => r.accountManagerCode],
  ['order_day', (r) => r.orderDay],
  ['visit_cycle', (r) => r.visitCycle],
  ['birthday', (r) => r.birthday],
  ['preferences', (r) => r.preferences],
  ['opened_on', (r) => r.openedOn],
  ['classification_code', (r) => r.classificationCode],
  ['district_name', (r) => r.districtName],
  ['account_manager_name', (r) => r.accountManagerName],
];

export async function writeCustomersCsv(
  batches: AsyncGenerator<CustomerDetailDto[]>,
  response: Response,
): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="customers-${stamp}.csv"`);
  response.write(UTF8_BOM);
  const csv = spreadsheetCsv(COLUMNS.map(([header]) => header));
  csv.pipe(response);
  for await (const batch of batches) {
    for (const row of batch) {
      if (!csv.write(COLUMNS.map(([, pick]) => pick(row) ?? ''))) await once(csv, 'drain');
    }
  }
  csv.end();
  await once(response, 'finish');
}
