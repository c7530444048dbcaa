import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Can } from '../../auth/Can';
import { useCan } from '../../auth/use-session';
import { isApiError } from '../../../shared/api/api-error';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LIST_PAGE_SIZES, readBoolean, readInt, readPaging, updateParams } from '../../../shared/list-params';
import { toTreeOptions } from '../districts/district-tree';
import { useDistrictTree } from '../districts/districts.api';
import { DistrictTreeSelect } from '../districts/DistrictTreeSelect';
import { useDistrictNames } from '../districts/use-district-names';
import {
  useAccountManagers,
  useDeactivateAccountManager,
  useSaveAccountManager,
  type AccountManager,
  type AccountManagerInput,
} from './account-managers.api';

const FIELDS = ['code', 'name', 'phone', 'districtIds', 'active'] as const;

export function AccountManagersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params);
  const search = params.get('search') ?? undefined;
  const districtId = readInt(params, 'districtId');
  const active = readBoolean(params, 'active');
  const list = useAccountManagers({
    page,
    pageSize,
    search,
    districtId,
    active,
  });
  const save = useSaveAccountManager();
  const deactivate = useDeactivateAccountManager();
  const districtName = useDistrictNames();
  const tree = useDistrictTree();
  const treeOptions = useMemo(() => toTreeOptions(tree.data ?? []), [tree.data]);
  const [editing, setEditing] = useState<AccountManager | 'new' | null>(null);
  const entity = t('accountManagers.entity');
  const mayWrite = useCan()('reference:write');

  const columns: ColumnsType<AccountManager> = [
    { title: t('reference.code'), dataIndex: 'code', key: 'code', width: 120 },
    { title: t('reference.name'), dataIndex: 'name', key: 'name', width: 140 },
    {
      title: t('accountManagers.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: 150,
    },
    {
      title: t('accountManagers.districts'),
      dataIndex: 'districtIds',
      key: 'districtIds',
      render: (ids: number[]) => (
        <Space size={[0, 4]} wrap>
          {ids.map((id) => (
            <Tag key={id}>{districtName(id)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('reference.active'),
      dataIndex: 'active',
      key: 'active',
      width: 100,
      render: (value: boolean) => (
        <Tag color={value ? 'success' : 'default'}>{value ? t('common.active') : t('common.inactive')}</Tag>
      ),
    },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, row: AccountManager) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                {row.active && (
                  <Popconfirm
                    title={t('common.deactivateConfirm', { name: row.name })}
                    onConfirm={() =>
                      deactivate
                        .mutateAsync({ id: row.id, version: row.version })
                        .catch((error: unknown) =>
                          message.error(isApiError(error) ? error.message : String(error)),
                        )
                    }
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                  >
                    <Button type="link" size="small" danger icon={<StopOutlined />}>
                      {t('common.deactivate')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('accountManagers.title')}
        subtitle={t('accountManagers.subtitle')}
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
            key={search ?? ''}
            defaultValue={search}
            placeholder={t('reference.searchPlaceholder')}
            allowClear
            style={{ width: 280 }}
            onSearch={(value) => setParams(updateParams(params, { search: value.trim() }))}
          />
          <div style={{ width: 260 }}>
            <DistrictTreeSelect
              value={districtId}
              onChange={(id) => setParams(updateParams(params, { districtId: id }))}
            />
          </div>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('reference.active')}
            value={active === undefined ? undefined : String(active)}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
            onChange={(value: string | undefined) => setParams(updateParams(params, { active: value }))}
          />
        </Flex>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AccountManager>
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
      <EntityFormModal<AccountManagerInput>
        title={
          editing === 'new' ? t('reference.createTitle', { entity }) : t('reference.editTitle', { entity })
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
        fields={FIELDS}
        initialValues={editing === 'new' || editing === null ? { active: true, districtIds: [] } : editing}
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
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label={t('accountManagers.phone')} rules={[{ required: true }]}>
              <Input maxLength={11} />
            </Form.Item>
            <Form.Item name="districtIds" label={t('accountManagers.districts')}>
              <TreeSelect
                multiple
                allowClear
                showSearch
                treeNodeFilterProp="label"
                treeNodeLabelProp="title"
                treeData={treeOptions}
                loading={tree.isPending}
                treeDefaultExpandAll
              />
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
