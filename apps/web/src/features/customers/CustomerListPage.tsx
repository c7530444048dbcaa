import { Button, Card, Empty, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../shared/components/ErrorState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/use-format';
import { useVocab } from '../../shared/use-vocab';
import {
  hasFilters,
  PAGE_SIZES,
  SORT_FIELDS,
  withFilters,
  withoutFilters,
  type CustomerListQuery,
  type CustomerSortField,
} from './customer-query';
import { useCustomerList, type CustomerSummary } from './customers.api';
import { CustomerFilters } from './CustomerFilters';
import { useCustomerQuery } from './use-customer-query';

const isSortField = (value: unknown): value is CustomerSortField =>
  typeof value === 'string' && (SORT_FIELDS as readonly string[]).includes(value);

export function CustomerListPage() {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
  const navigate = useNavigate();
  const [query, setQuery] = useCustomerQuery();
  const list = useCustomerList(query);

  const sortOrder = (field: CustomerSortField) =>
    query.sort === field ? (query.order === 'desc' ? 'descend' : 'ascend') : null;

  const columns: ColumnsType<CustomerSummary> = [
    {
      title: t('fields.licenceNo'),
      dataIndex: 'licenceNo',
      key: 'licenceNo',
      sorter: true,
      sortOrder: sortOrder('licenceNo'),
      width: 150,
      render: (licenceNo: string, row) => (
        <Link to={`/customers/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {licenceNo}
        </Link>
      ),
    },
    {
      title: t('fields.shopName'),
      dataIndex: 'shopName',
      key: 'shopName',
      sorter: true,
      sortOrder: sortOrder('shopName'),
      render: (shopName: string, row) => (
        <>
          <div>{shopName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.ownerName} · {row.phone}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('fields.district'),
      dataIndex: 'districtName',
      key: 'districtCode',
      sorter: true,
      sortOrder: sortOrder('districtCode'),
      render: (name: string, row) => (
        <Tooltip title={row.districtCode}>
          <span>{name}</span>
        </Tooltip>
      ),
    },
    {
      title: t('fields.businessType'),
      dataIndex: 'businessType',
      key: 'businessType',
      sorter: true,
      sortOrder: sortOrder('businessType'),
      render: (code: string) => label('businessType', code),
    },
    {
      title: t('fields.marketType'),
      dataIndex: 'marketType',
      key: 'marketType',
      render: (code: string) => (
        <Tag color={code === 'urban' ? 'blue' : 'green'} variant="outlined">
          {label('marketType', code)}
        </Tag>
      ),
    },
    {
      title: t('fields.classificationCode'),
      dataIndex: 'classificationCode',
      key: 'classificationCode',
      responsive: ['xl'],
    },
    {
      title: t('fields.tier'),
      dataIndex: 'tier',
      key: 'tier',
      sorter: true,
      sortOrder: sortOrder('tier'),
      align: 'right',
      width: 90,
      render: (tier: number) => format.number(tier),
    },
    {
      title: t('fields.integrityGrade'),
      dataIndex: 'integrityGrade',
      key: 'integrityGrade',
      sorter: true,
      sortOrder: sortOrder('integrityGrade'),
      align: 'center',
      width: 110,
    },
    {
      title: t('fields.accountManager'),
      dataIndex: 'accountManagerName',
      key: 'accountManager',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (status: string) => (
        <Tag color={status === 'active' ? 'success' : 'default'}>{label('customerStatus', status)}</Tag>
      ),
    },
  ];

  const onTableChange: TableProps<CustomerSummary>['onChange'] = (pagination, _filters, sorter, extra) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerSummary> | undefined;
    const next: CustomerListQuery = { ...query };
    if (extra.action === 'sort') {
      const field = single?.columnKey;
      if (single?.order && isSortField(field)) {
        next.sort = field;
        next.order = single.order === 'descend' ? 'desc' : 'asc';
      } else {
        delete next.sort;
        delete next.order;
      }
      next.page = 1;
    } else {
      next.page = pagination.current ?? 1;
      next.pageSize = pagination.pageSize ?? query.pageSize;
      if (next.pageSize !== query.pageSize) next.page = 1;
    }
    setQuery(next);
  };

  const filtered = hasFilters(query);
  const reset = () => setQuery(withoutFilters(query));

  return (
    <>
      <PageHeader title={t('customers.title')} subtitle={t('customers.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <CustomerFilters
          query={query}
          onChange={(change) => setQuery(withFilters(query, change))}
          onReset={reset}
        />
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <div style={{ padding: 24 }} data-testid="customers-loading">
            <Skeleton active paragraph={{ rows: 8 }} />
          </div>
        ) : (
          <>
            {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} compact />}
            <Table<CustomerSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={list.data.items}
              loading={list.isFetching}
              onChange={onTableChange}
              scroll={{ x: 1000 }}
              data-testid="customers-table"
              onRow={(row) => ({
                onClick: () => void navigate(`/customers/${row.id}`),
                style: { cursor: 'pointer' },
              })}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={filtered ? t('customers.empty') : t('common.empty')}
                  >
                    {filtered && <Button onClick={reset}>{t('common.resetFilters')}</Button>}
                  </Empty>
                ),
              }}
              pagination={{
                current: list.data.page,
                pageSize: list.data.pageSize,
                total: list.data.total,
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES.map(String),
                showTotal: (total) => t('common.total', { count: total }),
                style: { padding: '0 16px' },
              }}
            />
          </>
        )}
      </Card>
    </>
  );
}
