import type { RowParser } from '../bulk/bulk-kind';
import { amountProblem, DateChecker, positiveIntegerProblem, rowError } from '../bulk/field-checks';

export interface OrderLineDictionaries {
  /** Licence number → retailer id. */
  retailers: ReadonlyMap<string, number>;
  /** Brand code → brand id. */
  brands: ReadonlyMap<string, number>;
}

export const ORDER_LINE_STAGING_COLUMNS =
  'line int NOT NULL, retailer_id int NOT NULL, order_date date NOT NULL, brand_id int NOT NULL, cartons int NOT NULL, amount numeric(12,2) NOT NULL';

/**
 * Checks an order line (licence_no, brand_code, order_date, cartons, amount) and returns its staging line.
 * This runs tens of millions of times per file: no allocation beyond the output string on the good path.
 */
export function orderLineRowParser(dictionaries: OrderLineDictionaries): RowParser {
  const dates = new DateChecker();
  const { retailers, brands } = dictionaries;
  return (fields, line, errors) => {
    const licence = fields[0];
    const brandCode = fields[1];
    const date = fields[2];
    const cartons = fields[3];
    const amount = fields[4];
    const retailerId = retailers.get(licence);
    const brandId = brands.get(brandCode);
    const dateProblem = dates.check(date);
    const cartonsProblem = positiveIntegerProblem(cartons);
    const amountIssue = amountProblem(amount);
    if (
      retailerId !== undefined &&
      brandId !== undefined &&
      dateProblem === null &&
      cartonsProblem === null &&
      amountIssue === null
    ) {
      return `${line}\t${retailerId}\t${date}\t${brandId}\t${cartons}\t${amount}\n`;
    }
    if (retailerId === undefined) {
      errors.push(
        rowError(line, 'licence_no', licence, licence === '' ? 'is required' : 'unknown retailer licence'),
      );
    }
    if (brandId === undefined) {
      errors.push(
        rowError(line, 'brand_code', brandCode, brandCode === '' ? 'is required' : 'unknown brand'),
      );
    }
    if (dateProblem !== null) errors.push(rowError(line, 'order_date', date, dateProblem));
    if (cartonsProblem !== null) errors.push(rowError(line, 'cartons', cartons, cartonsProblem));
    if (amountIssue !== null) errors.push(rowError(line, 'amount', amount, amountIssue));
    return null;
  };
}
