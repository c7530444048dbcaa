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

/** The last line of an export that failed after its first bytes were sent (the status was already 200). */
export function exportFailedLine(requestId: string): string {
  return `\r\n# EXPORT FAILED: this file is incomplete; quote request id ${requestId}\r\n`;
}

/**
 * Streams the export. The first batch is read before anything is sent, so a query that fails at once is an
 * ordinary error answer (status and error shape). A batch that fails later, once the 200 and the first rows
 * are out, ends the file with a line saying it is incomplete and then cuts the transfer without its final
 * chunk, so no client takes a truncated file for a complete one; the error is rethrown to be logged.
 */
export async function writeCustomersCsv(
  batches: AsyncGenerator<CustomerDetailDto[]>,
  response: Response,
): Promise<void> {
  let next = await batches.next();
  const stamp = new Date().toISOString().slice(0, 10);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="customers-${stamp}.csv"`);
  response.write(UTF8_BOM);
  const csv = spreadsheetCsv(COLUMNS.map(([header]) => header));
  csv.pipe(response, { end: false });
  try {
    while (!next.done) {
      for (const row of next.value) {
        if (!csv.write(COLUMNS.map(([, pick]) => pick(row) ?? ''))) await once(csv, 'drain');
      }
      next = await batches.next();
    }
  } catch (error) {
    csv.unpipe(response);
    const requestId = String((response.req as { id?: unknown } | undefined)?.id ?? '');
    await new Promise<void>((resolve) => response.write(exportFailedLine(requestId), () => resolve()));
    response.destroy();
    throw error;
  }
  csv.end();
  await once(csv, 'end');
  response.end();
  await once(response, 'finish');
}
