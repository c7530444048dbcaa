import { Button, Card, Empty, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../shared/components/ErrorState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/use-format';
import { LIST_PAGE_SIZES } from '../../shared/list-params';
import { columnSortOrder, sortChange } from '../../shared/list/paging';
import { useListParams } from '../../shared/list/use-list-params';
import { useVocab } from '../../shared/use-vocab';
import {
  hasFilters,
  NO_FILTERS,
  parseCustomerSearch,
  SORT_FIELDS,
  type CustomerSortField,
} from './customer-query';
import { useCustomerList, type CustomerSummary } from './customers.api';
import { CustomerFilters } from './CustomerFilters';

export function CustomerListPage() {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
  const navigate = useNavigate();
  const { params, set, setPage } = useListParams();
  const query = parseCustomerSearch(params);
  const list = useCustomerList(query);

  const sortOrder = (field: CustomerSortField) => columnSortOrder(query.sort, query.order, field);

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

  // A sort goes back to page 1; the pager reports through `pagination.onChange`.
  const onTableChange: TableProps<CustomerSummary>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') set(sortChange(sorter, SORT_FIELDS));
  };

  const filtered = hasFilters(query);
  const reset = () => set(NO_FILTERS);

  return (
    <>
      <PageHeader title={t('customers.title')} subtitle={t('customers.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <CustomerFilters query={query} onChange={set} onReset={reset} />
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
                pageSizeOptions: LIST_PAGE_SIZES.map(String),
                showTotal: (total) => t('common.total', { count: total }),
                onChange: setPage,
                style: { padding: '0 16px' },
              }}
            />
          </>
        )}
      </Card>
    </>
  );
}
