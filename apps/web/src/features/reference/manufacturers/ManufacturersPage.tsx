import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, Skeleton, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Can } from '../../auth/Can';
import { useCan } from '../../auth/use-session';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LIST_PAGE_SIZES, readPaging, updateParams } from '../../../shared/list-params';
import {
  useManufacturers,
  useSaveManufacturer,
  type Manufacturer,
  type ManufacturerInput,
} from './manufacturers.api';

const FIELDS = ['code', 'name', 'active'] as const;

export function ManufacturersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params);
  const search = params.get('search') ?? undefined;
  const list = useManufacturers({ page, pageSize, search });
  const save = useSaveManufacturer();
  const [editing, setEditing] = useState<Manufacturer | 'new' | null>(null);
  const entity = t('manufacturers.entity');
  const can = useCan();
  const mayWrite = can('reference:write');
  const mayManageKeys = can('apikeys:manage');

  const columns: ColumnsType<Manufacturer> = [
    { title: t('reference.code'), dataIndex: 'code', key: 'code', width: 160 },
    { title: t('reference.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('reference.active'),
      dataIndex: 'active',
      key: 'active',
      width: 120,
      render: (active: boolean) => (
        <Tag color={active ? 'success' : 'default'}>{active ? t('common.active') : t('common.inactive')}</Tag>
      ),
    },
    ...(mayWrite || mayManageKeys
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: mayWrite && mayManageKeys ? 220 : 120,
            render: (_: unknown, row: Manufacturer) => (
              <>
                {mayWrite && (
                  <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(row)}>
                    {t('common.edit')}
                  </Button>
                )}
                {mayManageKeys && (
                  <Link to={`/admin/api-keys?manufacturer=${row.id}`}>
                    <Button type="link" icon={<KeyOutlined />}>
                      {t('admin.nav.apiKeys')}
                    </Button>
                  </Link>
                )}
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('manufacturers.title')}
        subtitle={t('manufacturers.subtitle')}
        extra={
          <Can permission="reference:write">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('common.create')}
            </Button>
          </Can>
        }
      />
      <Card>
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            key={search ?? ''}
            defaultValue={search}
            placeholder={t('reference.searchPlaceholder')}
            allowClear
            style={{ maxWidth: 360 }}
            onSearch={(value) => setParams(updateParams(params, { search: value.trim() }))}
          />
        </Flex>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Manufacturer>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data.items}
            loading={list.isFetching}
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
              onChange: (nextPage, nextSize) =>
                setParams(
                  updateParams(params, {
                    page: nextSize === pageSize ? nextPage : 1,
                    pageSize: nextSize,
                  }),
                ),
            }}
          />
        )}
      </Card>
      <EntityFormModal<ManufacturerInput>
        title={
          editing === 'new' ? t('reference.createTitle', { entity }) : t('reference.editTitle', { entity })
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
        fields={FIELDS}
        initialValues={editing === 'new' || editing === null ? { active: true } : editing}
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
          <>
            <Form.Item name="code" label={t('reference.code')} rules={[{ required: true }]}>
              <Input maxLength={32} />
            </Form.Item>
            <Form.Item name="name" label={t('reference.name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="active" label={t('reference.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </EntityFormModal>
    </>
  );
}
