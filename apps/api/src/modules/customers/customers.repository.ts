import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { placementScopeCondition } from '../../common/database/retailer-scope';
import { currentScope, type DataScope } from '../../common/http/request-context';
import type { CustomerFilter, CustomerSortField } from './dto/customer-filter.dto';
import type { CustomerDetailDto, CustomerSummaryDto } from './dto/customer.dto';

const SORT_COLUMNS: Record<CustomerSortField, string> = {
  licenceNo: 'r.licence_no',
  shopName: 'r.shop_name',
  tier: 'r.tier',
  districtCode: 'd.code',
  businessType: 'r.business_type',
  integrityGrade: 'r.integrity_grade',
  updatedAt: 'r.updated_at',
};

const SUMMARY_COLUMNS = `
  r.id, r.licence_no AS "licenceNo", r.shop_name AS "shopName", r.owner_name AS "ownerName", r.phone,
  r.district_id AS "districtId", d.code AS "districtCode", d.name AS "districtName",
  r.market_type AS "marketType", r.business_type AS "businessType", r.trade_area AS "tradeArea", r.scale,
  r.classification_code AS "classificationCode", r.licence_status AS "licenceStatus", r.status,
  r.integrity_grade AS "integrityGrade", r.tier, r.terminal_status AS "terminalStatus",
  r.account_manager_id AS "accountManagerId", am.code AS "accountManagerCode", am.name AS "accountManagerName",
  r.order_day AS "orderDay", r.visit_cycle AS "visitCycle", r.version`;

const DETAIL_COLUMNS = `${SUMMARY_COLUMNS},
  r.address, to_char(r.birthday, 'YYYY-MM-DD') AS birthday, r.preferences,
  to_char(r.opened_on, 'YYYY-MM-DD') AS "openedOn", r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const FROM = `
  FROM retailer r
  JOIN district d ON d.id = r.district_id
  LEFT JOIN account_manager am ON am.id = r.account_manager_id`;

export interface SortSpec {
  sort?: CustomerSortField;
  order?: 'asc' | 'desc';
}

/**
 * A filter turned into SQL: the WHERE clause and its parameters. The caller's data scope is always part of
 * it, so no list, export, profile or nested field can reach a retailer outside the scope.
 */
export function buildWhere(
  filter: CustomerFilter,
  scope: DataScope = currentScope(),
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (!scope.all) {
    const visible: string[] = [];
    if (scope.districtIds.length) {
      visible.push(
        `r.district_id IN (SELECT id FROM district WHERE path LIKE ANY (SELECT path || '%' FROM district WHERE id = ANY(${param(scope.districtIds)})))`,
      );
    }
    if (scope.accountManagerIds.length)
      visible.push(`r.account_manager_id = ANY(${param(scope.accountManagerIds)})`);
    clauses.push(visible.length ? `(${visible.join(' OR ')})` : 'FALSE');
  }
  if (filter.search) {
    // The expression of retailer_search_text_trgm_idx; Chinese has no case, lower() folds Latin letters.
    const pattern = param(`%${filter.search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
    clauses.push(
      `lower(r.shop_name || ' ' || r.owner_name || ' ' || r.licence_no || ' ' || r.phone) LIKE ${pattern}`,
    );
  }
  if (filter.districtId) {
    // The district's materialised path is a prefix of every descendant's path.
    clauses.push(
      `r.district_id IN (SELECT id FROM district WHERE path LIKE (SELECT path FROM district WHERE id = ${param(filter.districtId)}) || '%')`,
    );
  }
  if (filter.businessType?.length) clauses.push(`r.business_type = ANY(${param(filter.businessType)})`);
  if (filter.tradeArea?.length) clauses.push(`r.trade_area = ANY(${param(filter.tradeArea)})`);
  if (filter.marketType) clauses.push(`r.market_type = ${param(filter.marketType)}`);
  if (filter.scale?.length) clauses.push(`r.scale = ANY(${param(filter.scale)}::smallint[])`);
  if (filter.tierMin) clauses.push(`r.tier >= ${param(filter.tierMin)}`);
  if (filter.tierMax) clauses.push(`r.tier <= ${param(filter.tierMax)}`);
  if (filter.integrityGrade?.length) clauses.push(`r.integrity_grade = ANY(${param(filter.integrityGrade)})`);
  if (filter.accountManagerId) clauses.push(`r.account_manager_id = ${param(filter.accountManagerId)}`);
  if (filter.status) clauses.push(`r.status = ${param(filter.status)}`);
  if (filter.licenceStatus) clauses.push(`r.licence_status = ${param(filter.licenceStatus)}`);
  if (filter.terminalStatus) clauses.push(`r.terminal_status = ${param(filter.terminalStatus)}`);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function orderBy(spec: SortSpec): string {
  const column = SORT_COLUMNS[spec.sort ?? 'licenceNo'];
  const direction = spec.order === 'desc' ? 'DESC' : 'ASC';
  // The id breaks ties so paging is stable.
  return `ORDER BY ${column} ${direction}, r.id ${direction}`;
}

export interface MonthlySalesRow {
  month: string;
  brandId: number;
  brandCode: string;
  brandName: string;
  cartons: number;
  amount: number;
}

/**
 * Totals of recent list queries. Counting tens of thousands of matching rows costs more than fetching the
 * page itself, and people page through the same filter: a total may lag a write by at most TOTAL_TTL_MS
 * (this process's own writes clear it at once). Written here because a general cache library would add a
 * dependency for twenty lines.
 */
const TOTAL_TTL_MS = 15_000;
const TOTAL_CACHE_SIZE = 2000;

@Injectable()
export class CustomersRepository {
  private readonly totals = new Map<string, { total: number; expires: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Forget cached totals: the register just changed. */
  invalidateTotals(): void {
    this.totals.clear();
  }

  private async total(where: string, params: unknown[]): Promise<number> {
    const key = `${where}|${JSON.stringify(params)}`;
    const cached = this.totals.get(key);
    if (cached && cached.expires > Date.now()) return cached.total;
    // The WHERE clause needs no join: counting the retailer table alone is several times cheaper.
    const [{ total }] = await this.db.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM retailer r ${where}`,
      params,
    );
    if (this.totals.size >= TOTAL_CACHE_SIZE) this.totals.delete(this.totals.keys().next().value!);
    this.totals.set(key, { total, expires: Date.now() + TOTAL_TTL_MS });
    return total;
  }

  async findPage(
    filter: CustomerFilter,
    spec: SortSpec,
    limit: number,
    offset: number,
  ): Promise<{ items: CustomerSummaryDto[]; total: number }> {
    const { where, params } = buildWhere(filter);
    const [items, total] = await Promise.all([
      this.db.query<CustomerSummaryDto[]>(
        `SELECT ${SUMMARY_COLUMNS} ${FROM} ${where} ${orderBy(spec)} LIMIT ${limit} OFFSET ${offset}`,
        params,
      ),
      this.total(where, params),
    ]);
    return { items, total };
  }

  /** Rows for an export, a batch at a time, so a list of any size streams in bounded memory. */
  async *streamAll(
    filter: CustomerFilter,
    spec: SortSpec,
    batchSize = 2000,
  ): AsyncGenerator<CustomerDetailDto[]> {
    const { where, params } = buildWhere(filter);
    for (let offset = 0; ; offset += batchSize) {
      const rows = await this.db.query<CustomerDetailDto[]>(
        `SELECT ${DETAIL_COLUMNS} ${FROM} ${where} ${orderBy(spec)} LIMIT ${batchSize} OFFSET ${offset}`,
        params,
      );
      if (rows.length) yield rows;
      if (rows.length < batchSize) return;
    }
  }

  /** Null when the retailer does not exist or is outside the caller's scope: the two are not told apart. */
  async findById(id: number, manager: EntityManager = this.db.manager): Promise<CustomerDetailDto | null> {
    const { where, params } = buildWhere({});
    const rows = await manager.query<CustomerDetailDto[]>(
      `SELECT ${DETAIL_COLUMNS} ${FROM} ${where ? `${where} AND` : 'WHERE'} r.id = $${params.length + 1}`,
      [...params, id],
    );
    return rows[0] ?? null;
  }

  /** Whether a retailer placed in this district with this manager would be inside the caller's scope. */
  /** Whether the caller may put a retailer there (see `placementScopeCondition`); `moved`: a new district. */
  async placementInScope(
    districtId: number,
    accountManagerId: number | null,
    moved: boolean,
  ): Promise<boolean> {
    const params: unknown[] = [districtId, accountManagerId, moved];
    const condition = placementScopeCondition(
      currentScope(),
      { districtSql: 'place.district_id', managerSql: 'place.manager_id', movedSql: 'place.moved' },
      params,
    );
    if (condition === null) return true;
    const [row] = await this.db.query<Array<{ inside: boolean }>>(
      `SELECT ${condition} AS inside
         FROM (SELECT $1::int AS district_id, $2::int AS manager_id, $3::boolean AS moved) AS place`,
      params,
    );
    return row.inside;
  }

  async monthlySales(retailerId: number, fromMonth: string): Promise<MonthlySalesRow[]> {
    return this.db.query<MonthlySalesRow[]>(
      `SELECT to_char(s.month, 'YYYY-MM') AS month, s.brand_id AS "brandId", b.code AS "brandCode",
              b.name AS "brandName", s.cartons, s.amount::float8 AS amount
         FROM monthly_sales s JOIN brand b ON b.id = s.brand_id
        WHERE s.retailer_id = $1 AND s.month >= $2::date
        ORDER BY s.month, b.code`,
      [retailerId, `${fromMonth}-01`],
    );
  }

  /** The last month with any sales, so a profile's chart ends where the data ends. */
  async latestSalesMonth(): Promise<string | null> {
    const [row] = await this.db.query<Array<{ month: string | null }>>(
      `SELECT to_char(max(month), 'YYYY-MM') AS month FROM monthly_sales`,
    );
    return row?.month ?? null;
  }
}
