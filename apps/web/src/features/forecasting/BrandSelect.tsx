import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrands } from '../reference/brands/brands.api';

export interface BrandSelectProps<M extends boolean> {
  multiple?: M;
  value?: M extends true ? number[] : number;
  onChange?: (value: M extends true ? number[] : number | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/** Brands from /api/brands (the largest page, sorted by code), searchable by code or name. */
export function BrandSelect<M extends boolean = false>({
  multiple,
  value,
  onChange,
  placeholder,
  testId = 'brand-select',
}: BrandSelectProps<M>) {
  const { t } = useTranslation();
  const brands = useBrands({ pageSize: 200, sort: 'code' });
  const options = useMemo(
    () =>
      (brands.data?.items ?? []).map((brand) => ({
        value: brand.id,
        label: `${brand.name}（${brand.code}）`,
      })),
    [brands.data],
  );
  return (
    <Select<number | number[]>
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={brands.isPending}
      status={brands.isError ? 'warning' : undefined}
      placeholder={
        brands.isError ? t('forecasting.brandsUnavailable') : (placeholder ?? t('forecasting.allBrands'))
      }
      value={value}
      options={options}
      onChange={(next) =>
        (onChange as ((v: unknown) => void) | undefined)?.(next ?? (multiple ? [] : undefined))
      }
      maxTagCount="responsive"
      style={{ width: '100%', minWidth: 200 }}
      data-testid={testId}
    />
  );
}
