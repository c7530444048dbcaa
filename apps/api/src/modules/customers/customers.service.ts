import { insertAudited, updateVersioned } from '../../common/database/versioned-update';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  classificationCode,
  INITIAL_GRADING,
  refusedRetailerFields,
  type BusinessType,
  type MarketType,
  type Scale,
} from '@tms/domain';
import { Repository } from 'typeorm';
import { AppError, DuplicateError, NotFoundError, StaleVersionError } from '../../common/errors/app-error';
import { currentPrincipal } from '../../common/http/request-context';
import type { Page } from '../../common/pagination/page.dto';
import { AccountManagerEntity } from '../reference/account-managers/account-manager.entity';
import { DistrictEntity } from '../reference/districts/district.entity';
import { CustomersRepository, type SortSpec } from './customers.repository';
import type { CustomerFilter } from './dto/customer-filter.dto';
import type { CreateCustomerDto, DeactivateCustomerDto, UpdateCustomerDto } from './dto/customer-input.dto';
import type { CustomerDetailDto, CustomerSalesDto, CustomerSummaryDto } from './dto/customer.dto';
import { buildSalesSeries, monthsBack } from './sales-series';
import { RetailerEntity } from './retailer.entity';

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    @InjectRepository(RetailerEntity) private readonly retailers: Repository<RetailerEntity>,
    @InjectRepository(DistrictEntity) private readonly districts: Repository<DistrictEntity>,
    @InjectRepository(AccountManagerEntity) private readonly managers: Repository<AccountManagerEntity>,
  ) {}

  async list(
    filter: CustomerFilter,
    options: SortSpec & { page?: number; pageSize?: number },
  ): Promise<Page<CustomerSummaryDto>> {
    const page = options.page ?? 1;
    const pageSize = options.pageSize ?? 50;
    const { items, total } = await this.customers.findPage(filter, options, pageSize, (page - 1) * pageSize);
    return { items, total, page, pageSize };
  }

  exportRows(filter: CustomerFilter, sort: SortSpec): AsyncGenerator<CustomerDetailDto[]> {
    return this.customers.streamAll(filter, sort);
  }

  async get(id: number): Promise<CustomerDetailDto> {
    const found = await this.customers.findById(id);
    if (!found) throw new NotFoundError('Customer', id);
    return found;
  }

  async sales(id: number, months = 36): Promise<CustomerSalesDto> {
    await this.get(id);
    const latest = (await this.customers.latestSalesMonth()) ?? new Date().toISOString().slice(0, 7);
    const window = monthsBack(latest, months);
    const rows = await this.customers.monthlySales(id, window[0]);
    return buildSalesSeries(window, rows);
  }

  async create(input: CreateCustomerDto): Promise<CustomerDetailDto> {
    assertFieldsWritable(
      Object.keys(input).filter((key) => input[key as keyof CreateCustomerDto] !== undefined),
    );
    if (await this.retailers.existsBy({ licenceNo: input.licenceNo })) {
      throw new DuplicateError('Customer', 'licenceNo', input.licenceNo);
    }
    await this.assertReferences(input.districtId, input.accountManagerId);
    await this.assertPlacementInScope(input.districtId, input.accountManagerId ?? null, true);
    const entity = this.retailers.create({
      licenceStatus: 'valid',
      terminalStatus: 'none',
      accountManagerId: null,
      birthday: null,
      preferences: null,
      openedOn: null,
      ...input,
      tier: input.tier ?? INITIAL_GRADING.tier,
      integrityGrade: input.integrityGrade ?? INITIAL_GRADING.integrityGrade,
      status: 'active',
      classificationCode: this.classify(input),
    });
    const saved = await insertAudited(this.retailers.manager, RetailerEntity, entity, 'customer');
    this.customers.invalidateTotals();
    return this.get(saved.id);
  }

  async update(id: number, input: UpdateCustomerDto): Promise<CustomerDetailDto> {
    await this.get(id);
    const current = await this.retailers.findOneBy({ id });
    if (!current) throw new NotFoundError('Customer', id);
    const { version, ...changes } = input;
    assertFieldsWritable(
      Object.entries(changes)
        .filter(([key, value]) => value !== undefined && value !== current[key as keyof RetailerEntity])
        .map(([key]) => key),
    );
    if (current.version !== version) throw new StaleVersionError('Customer', id, version, current.version);
    if (changes.licenceNo && changes.licenceNo !== current.licenceNo) {
      if (await this.retailers.existsBy({ licenceNo: changes.licenceNo })) {
        throw new DuplicateError('Customer', 'licenceNo', changes.licenceNo);
      }
    }
    await this.assertReferences(changes.districtId, changes.accountManagerId);
    const moved = changes.districtId !== undefined && changes.districtId !== current.districtId;
    const reassigned =
      changes.accountManagerId !== undefined && changes.accountManagerId !== current.accountManagerId;
    if (moved || reassigned) {
      await this.assertPlacementInScope(
        changes.districtId ?? current.districtId,
        changes.accountManagerId === undefined ? current.accountManagerId : changes.accountManagerId,
        moved,
      );
    }
    const merged = { ...current, ...changes };
    await updateVersioned(this.retailers.manager, RetailerEntity, 'Customer', id, version, {
      ...changes,
      classificationCode: this.classify(merged),
    });
    this.customers.invalidateTotals();
    return this.get(id);
  }

  async deactivate(id: number, input: DeactivateCustomerDto): Promise<CustomerDetailDto> {
    await this.get(id);
    const current = await this.retailers.findOneBy({ id });
    if (!current) throw new NotFoundError('Customer', id);
    if (current.version !== input.version) {
      throw new StaleVersionError('Customer', id, input.version, current.version);
    }
    if (current.status === 'inactive') throw new AppError('CONFLICT', `Customer ${id} is already inactive`);
    await updateVersioned(
      this.retailers.manager,
      RetailerEntity,
      'Customer',
      id,
      input.version,
      { status: 'inactive' },
      { entity: 'customer', action: 'deactivate', reason: input.reason },
    );
    this.customers.invalidateTotals();
    return this.get(id);
  }

  /**
   * A manager may not move a retailer out of their own reach, nor into a district they neither manage nor
   * serve (it would vanish from that district manager's view), nor create one there.
   */
  private async assertPlacementInScope(
    districtId: number,
    accountManagerId: number | null,
    moved: boolean,
  ): Promise<void> {
    if (await this.customers.placementInScope(districtId, accountManagerId, moved)) return;
    const [field, message] = moved
      ? ['districtId', `District ${districtId} is outside the districts you manage or serve`]
      : ['accountManagerId', 'The retailer would be outside the districts and customers you manage'];
    throw new AppError('FORBIDDEN', message, { fields: [{ field, messages: [message] }] });
  }

  private classify(input: { marketType: MarketType; businessType: BusinessType; scale: number }): string {
    return classificationCode({ ...input, scale: input.scale as Scale });
  }

  private async assertReferences(districtId?: number, accountManagerId?: number | null): Promise<void> {
    if (districtId !== undefined) {
      const district = await this.districts.findOneBy({ id: districtId });
      if (!district || !district.active) {
        throw new AppError('UNPROCESSABLE', `District ${districtId} does not exist or is inactive`, {
          field: 'districtId',
        });
      }
    }
    if (accountManagerId !== undefined && accountManagerId !== null) {
      const manager = await this.managers.findOneBy({ id: accountManagerId });
      if (!manager || !manager.active) {
        throw new AppError(
          'UNPROCESSABLE',
          `Account manager ${accountManagerId} does not exist or is inactive`,
          {
            field: 'accountManagerId',
          },
        );
      }
    }
  }
}

/** Refuses, naming them, the fields the caller's roles may not write (system work is not restricted). */
function assertFieldsWritable(fields: string[]): void {
  const principal = currentPrincipal();
  if (!principal || principal.kind === 'system') return;
  const refused = refusedRetailerFields(principal.kind === 'user' ? principal.roles : [], fields);
  if (refused.length === 0) return;
  throw new AppError('FORBIDDEN', `Only an administrator may set ${refused.join(' and ')}`, {
    fields: refused.map((field) => ({ field, messages: [`only an administrator may set ${field}`] })),
  });
}
