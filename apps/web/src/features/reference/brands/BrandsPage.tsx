import { EditOutlined, FireOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Can } from '../../auth/Can';
import { useCan } from '../../auth/use-session';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useFormat } from '../../../shared/format/use-format';
import {
  LIST_PAGE_SIZES,
  readBoolean,
  readInt,
  readOneOf,
  readPaging,
  updateParams,
} from '../../../shared/list-params';
import { useVocab } from '../../../shared/use-vocab';
import { BRAND_STATUSES, PACK_TYPES, PRICE_CLASSES } from '../../../shared/vocab';
import { useAllManufacturers } from '../manufacturers/manufacturers.api';
import { useBrands, useSaveBrand, type Brand, type BrandInput, type BrandSortField } from './brands.api';

const SORT_FIELDS = ['code', 'name', 'wholesalePrice'] as const satisfies readonly BrandSortField[];
const FIELDS = [
  'code',
  'name',
  'manufacturerId',
  'priceClass',
  'wholesalePrice',
  'retailPrice',
  'packType',
  'status',
  'scarce',
  'launchedOn',
  'withdrawnOn',
] as const;

const STATUS_COLOURS: Record<Brand['status'], string> = {
  new: 'blue',
  active: 'success',
  limited: 'warning',
  withdrawn: 'default',
};

/** Dates travel as YYYY-MM-DD strings; the picker works on dayjs values. */
const dateItem = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

export function BrandsPage() {
  const { t } = useTranslation();
  const { label, options } = useVocab();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params);
  const query = {
    page,
    pageSize,
    search: params.get('search') ?? undefined,
    manufacturerId: readInt(params, 'manufacturerId'),
    status: readOneOf(params, 'status', BRAND_STATUSES),
    scarce: readBoolean(params, 'scarce'),
    priceClass: readInt(params, 'priceClass'),
    packType: readOneOf(params, 'packType', PACK_TYPES),
    sort: readOneOf(params, 'sort', SORT_FIELDS),
    order: readOneOf(params, 'order', ['asc', 'desc'] as const),
  };
  const list = useBrands(query);
  const manufacturers = useAllManufacturers();
  const manufacturerName = useMemo(() => {
    const names = new Map((manufacturers.data?.items ?? []).map((item) => [item.id, item.name]));
    return (id: number) => names.get(id) ?? `#${id}`;
  }, [manufacturers.data]);
  const manufacturerOptions = (manufacturers.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${item.name}（${item.code}）`,
  }));
  const save = useSaveBrand();
  const [editing, setEditing] = useState<Brand | 'new' | null>(null);
  const entity = t('brands.entity');
  const mayWrite = useCan()('reference:write');
  const set = (change: Record<string, string | number | boolean | undefined>) =>
    setParams(updateParams(params, change));

  const sortOrder = (field: BrandSortField) =>
    query.sort === field ? (query.order === 'desc' ? 'descend' : 'ascend') : null;

  const columns: ColumnsType<Brand> = [
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
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, row: Brand) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const onTableChange: TableProps<Brand>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Brand> | undefined;
      const field = SORT_FIELDS.find((item) => item === single?.columnKey);
      set(
        single?.order && field
          ? { sort: field, order: single.order === 'descend' ? 'desc' : 'asc' }
          : { sort: undefined, order: undefined },
      );
    } else {
      const nextSize = pagination.pageSize ?? pageSize;
      setParams(
        updateParams(params, {
          page: nextSize === pageSize ? pagination.current : 1,
          pageSize: nextSize,
        }),
      );
    }
  };

  return (
    <>
      <PageHeader
        title={t('brands.title')}
        subtitle={t('brands.subtitle')}
        extra={
          <Can permission="reference:write">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('common.create')}
            </Button>
          </Can>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={query.search ?? ''}
            defaultValue={query.search}
            placeholder={t('reference.searchPlaceholder')}
            allowClear
            style={{ width: 240 }}
            onSearch={(value) => set({ search: value.trim() })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('brands.manufacturer')}
            loading={manufacturers.isPending}
            value={query.manufacturerId}
            options={manufacturerOptions}
            onChange={(value: number | undefined) => set({ manufacturerId: value })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('brands.status')}
            value={query.status}
            options={options('brandStatus', BRAND_STATUSES)}
            onChange={(value) => set({ status: value })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('brands.priceClass')}
            value={query.priceClass}
            options={options('priceClass', PRICE_CLASSES)}
            onChange={(value: number | undefined) => set({ priceClass: value })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('brands.packType')}
            value={query.packType}
            options={options('packType', PACK_TYPES)}
            onChange={(value) => set({ packType: value })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('brands.scarce')}
            value={query.scarce === undefined ? undefined : String(query.scarce)}
            options={[
              { value: 'true', label: t('brands.scarceOnly') },
              { value: 'false', label: t('common.no') },
            ]}
            onChange={(value: string | undefined) => set({ scarce: value })}
          />
        </Flex>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Brand>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data.items}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1100 }}
            locale={{
              emptyText: <Empty description={t('reference.empty', { entity })} />,
            }}
            pagination={{
              current: list.data.page,
              pageSize: list.data.pageSize,
              total: list.data.total,
              showSizeChanger: true,
              pageSizeOptions: LIST_PAGE_SIZES.map(String),
              showTotal: (total) => t('common.total', { count: total }),
            }}
          />
        )}
      </Card>
      <EntityFormModal<BrandInput>
        title={
          editing === 'new' ? t('reference.createTitle', { entity }) : t('reference.editTitle', { entity })
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
        fields={FIELDS}
        width={720}
        initialValues={
          editing === 'new' || editing === null ? { status: 'new', scarce: false, packType: 'hard' } : editing
        }
        onReload={() => list.refetch()}
        onSubmit={(values) =>
          editing === 'new' || editing === null
            ? save.mutateAsync({ body: values })
            : save.mutateAsync({
                id: editing.id,
                body: { ...values, version: editing.version },
              })
        }
      >
        {() => (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="code" label={t('reference.code')} rules={[{ required: true }]}>
                <Input maxLength={32} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="name" label={t('reference.name')} rules={[{ required: true }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="manufacturerId" label={t('brands.manufacturer')} rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={manufacturerOptions} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="priceClass" label={t('brands.priceClass')} rules={[{ required: true }]}>
                <Select options={options('priceClass', PRICE_CLASSES)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="wholesalePrice"
                label={t('brands.wholesalePrice')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="retailPrice" label={t('brands.retailPrice')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="packType" label={t('brands.packType')} rules={[{ required: true }]}>
                <Select options={options('packType', PACK_TYPES)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="status" label={t('brands.status')}>
                <Select options={options('brandStatus', BRAND_STATUSES)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="launchedOn" label={t('brands.launchedOn')} {...dateItem}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="withdrawnOn" label={t('brands.withdrawnOn')} {...dateItem}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="scarce" label={t('brands.scarce')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        )}
      </EntityFormModal>
    </>
  );
}
