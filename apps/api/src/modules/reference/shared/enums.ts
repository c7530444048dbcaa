import { registerEnumType } from '@nestjs/graphql';
import { BRAND_STATUSES, DISTRICT_LEVELS, MARKET_TYPES, PACK_TYPES } from '@tms/domain';

function enumObject<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

/** GraphQL enums over the shared vocabularies, so the schema names the same values as the REST API. */
export const DistrictLevelEnum = enumObject(DISTRICT_LEVELS);
export const MarketTypeEnum = enumObject(MARKET_TYPES);
export const BrandStatusEnum = enumObject(BRAND_STATUSES);
export const PackTypeEnum = enumObject(PACK_TYPES);

registerEnumType(DistrictLevelEnum, {
  name: 'DistrictLevel',
  description: 'city → county → market_area → route',
});
registerEnumType(MarketTypeEnum, { name: 'MarketType', description: 'Urban (城网) or rural (农网) market' });
registerEnumType(BrandStatusEnum, { name: 'BrandStatus' });
registerEnumType(PackTypeEnum, { name: 'PackType' });

/** Mutable copies for OpenAPI's `enum:`, which does not accept readonly tuples. */
export const apiEnum = {
  districtLevel: [...DISTRICT_LEVELS],
  marketType: [...MARKET_TYPES],
  brandStatus: [...BRAND_STATUSES],
  packType: [...PACK_TYPES],
};
