import { ForecastAccuracyEntity } from '../modules/forecasting/forecast-accuracy.entity';
import { ForecastPublicationEntity } from '../modules/forecasting/forecast-publication.entity';
import { ForecastRunChunkEntity } from '../modules/forecasting/forecast-run-chunk.entity';
import { ForecastRunEntity } from '../modules/forecasting/forecast-run.entity';
import { ForecastValueEntity } from '../modules/forecasting/forecast-value.entity';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { ApiKeyEntity } from '../modules/identity/api-key.entity';
import { RefreshSessionEntity } from '../modules/identity/refresh-session.entity';
import { UserEntity } from '../modules/identity/user.entity';
import { ImportJobEntity } from '../modules/imports/import-job.entity';
import { RetailerEntity } from '../modules/customers/retailer.entity';
import { MonthlySalesEntity } from '../modules/orders/monthly-sales.entity';
import { OrderLineEntity } from '../modules/orders/order-line.entity';
import { AccountManagerEntity } from '../modules/reference/account-managers/account-manager.entity';
import { BrandEntity } from '../modules/reference/brands/brand.entity';
import { DistrictEntity } from '../modules/reference/districts/district.entity';
import { ManufacturerEntity } from '../modules/reference/manufacturers/manufacturer.entity';

export const ENTITIES = [
  DistrictEntity,
  ManufacturerEntity,
  BrandEntity,
  AccountManagerEntity,
  RetailerEntity,
  OrderLineEntity,
  MonthlySalesEntity,
  ImportJobEntity,
  ForecastRunEntity,
  ForecastRunChunkEntity,
  ForecastValueEntity,
  ForecastPublicationEntity,
  ForecastAccuracyEntity,
  UserEntity,
  RefreshSessionEntity,
  ApiKeyEntity,
  AuditLogEntity,
];
