import { useTranslation } from 'react-i18next';
import { useVocab } from '../../../shared/use-vocab';
import { BRAND_STATUSES, PACK_TYPES, PRICE_CLASSES } from '../../../shared/vocab';
import { BooleanFilter, SearchFilter, SelectFilter } from '../../../shared/list/filters';
import type { ParamsChange } from '../../../shared/list/use-list-params';
import type { BrandFilters } from './brand-query';

export interface BrandFilterBarProps {
  filters: BrandFilters;
  manufacturers: { options: { value: number; label: string }[]; loading: boolean };
  onChange: (change: ParamsChange) => void;
}

export function BrandFilterBar({ filters, manufacturers, onChange }: BrandFilterBarProps) {
  const { t } = useTranslation();
  const { options } = useVocab();
  return (
    <>
      <SearchFilter
        value={filters.search}
        placeholder={t('reference.searchPlaceholder')}
        style={{ width: 240 }}
        onSearch={(text) => onChange({ search: text })}
      />
      <SelectFilter<number>
        width={200}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('brands.manufacturer')}
        loading={manufacturers.loading}
        value={filters.manufacturerId}
        options={manufacturers.options}
        onChange={(value?: number) => onChange({ manufacturerId: value })}
      />
      <SelectFilter
        width={120}
        placeholder={t('brands.status')}
        value={filters.status}
        options={options('brandStatus', BRAND_STATUSES)}
        onChange={(value) => onChange({ status: value })}
      />
      <SelectFilter<number>
        width={120}
        placeholder={t('brands.priceClass')}
        value={filters.priceClass}
        options={options('priceClass', PRICE_CLASSES)}
        onChange={(value?: number) => onChange({ priceClass: value })}
      />
      <SelectFilter
        width={120}
        placeholder={t('brands.packType')}
        value={filters.packType}
        options={options('packType', PACK_TYPES)}
        onChange={(value) => onChange({ packType: value })}
      />
      <BooleanFilter
        width={120}
        placeholder={t('brands.scarce')}
        labels={{ true: t('brands.scarceOnly'), false: t('common.no') }}
        value={filters.scarce}
        onChange={(value) => onChange({ scarce: value })}
      />
    </>
  );
}
