import { EditOutlined, FireOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/format/use-format';
import { useVocab } from '../../../shared/use-vocab';
import { useActionsColumn } from '../../../shared/list/columns';
import { columnSortOrder } from '../../../shared/list/paging';
import type { BrandFilters } from './brand-query';
import type { Brand } from './brands.api';

const STATUS_COLOURS: Record<Brand['status'], string> = {
  new: 'blue',
  active: 'success',
  limited: 'warning',
  withdrawn: 'default',
};

export interface BrandColumnsOptions {
  filters: BrandFilters;
  manufacturerName: (id: number) => string;
  /** Absent for users who may not edit brands. */
  onEdit?: (brand: Brand) => void;
}

export function useBrandColumns({
  filters,
  manufacturerName,
  onEdit,
}: BrandColumnsOptions): ColumnsType<Brand> {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
  const actionsColumn = useActionsColumn();
  const sortOrder = (field: string) => columnSortOrder(filters.sort, filters.order, field);
  return [
    {
      title: t('reference.code'),
      dataIndex: 'code',
      key: 'code',
      sorter: true,
      sortOrder: sortOrder('code'),
      width: 140,
    },
    {
      title: t('reference.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (name: string, row) => (
        <>
          {name}{' '}
          {row.scarce && (
            <Tag color="volcano" icon={<FireOutlined />}>
              {t('brands.scarce')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('brands.manufacturer'),
      dataIndex: 'manufacturerId',
      key: 'manufacturerId',
      render: (id: number) => manufacturerName(id),
    },
    {
      title: t('brands.priceClass'),
      dataIndex: 'priceClass',
      key: 'priceClass',
      width: 90,
      render: (value: number) => label('priceClass', value),
    },
    {
      title: t('brands.wholesalePrice'),
      dataIndex: 'wholesalePrice',
      key: 'wholesalePrice',
      sorter: true,
      sortOrder: sortOrder('wholesalePrice'),
      align: 'right',
      render: (value: number) => format.money(value),
    },
    {
      title: t('brands.retailPrice'),
      dataIndex: 'retailPrice',
      key: 'retailPrice',
      align: 'right',
      render: (value: number) => format.money(value),
    },
    {
      title: t('brands.packType'),
      dataIndex: 'packType',
      key: 'packType',
      width: 90,
      render: (value: string) => label('packType', value),
    },
    {
      title: t('brands.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (value: Brand['status']) => (
        <Tag color={STATUS_COLOURS[value]}>{label('brandStatus', value)}</Tag>
      ),
    },
    {
      title: t('brands.launchedOn'),
      dataIndex: 'launchedOn',
      key: 'launchedOn',
      responsive: ['xl'],
      render: (value: string | null) => format.date(value),
    },
    ...actionsColumn<Brand>(
      100,
      (row) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit?.(row)}>
          {t('common.edit')}
        </Button>
      ),
      onEdit !== undefined,
    ),
  ];
}
