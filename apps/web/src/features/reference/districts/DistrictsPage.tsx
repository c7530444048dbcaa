import { EditOutlined, NodeExpandOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { api, unwrap } from '../../../shared/api/client';
import { Can } from '../../auth/Can';
import { useCan } from '../../auth/use-session';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useVocab } from '../../../shared/use-vocab';
import { DISTRICT_LEVELS, MARKET_TYPES } from '../../../shared/vocab';
import { branchIds } from './district-tree';
import { DistrictTreeSelect } from './DistrictTreeSelect';
import {
  useDeactivateDistrict,
  useDistrictTree,
  useSaveDistrict,
  type District,
  type DistrictInput,
  type DistrictTreeNode,
} from './districts.api';

type Editing =
  { mode: 'create'; parent: DistrictTreeNode | null } | { mode: 'edit'; district: District } | null;

const FIELDS = ['code', 'name', 'level', 'parentId', 'marketType', 'active'] as const;

const childLevel = (level: District['level'] | undefined): District['level'] | undefined =>
  level === undefined ? 'city' : DISTRICT_LEVELS[DISTRICT_LEVELS.indexOf(level) + 1];

const fetchDistrict = (id: number) => unwrap(api.GET('/api/districts/{id}', { params: { path: { id } } }));

export function DistrictsPage() {
  const { t } = useTranslation();
  const { label, options } = useVocab();
  const { message } = App.useApp();
  const tree = useDistrictTree();
  const save = useSaveDistrict();
  const deactivate = useDeactivateDistrict();
  const [editing, setEditing] = useState<Editing>(null);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  const allBranches = useMemo(() => branchIds(tree.data ?? []), [tree.data]);
  const entity = t('districts.entity');
  const mayWrite = useCan()('reference:write');

  const showError = (error: unknown) => void message.error(isApiError(error) ? error.message : String(error));

  const edit = async (node: DistrictTreeNode) => {
    try {
      setEditing({ mode: 'edit', district: await fetchDistrict(node.id) });
    } catch (error) {
      showError(error);
    }
  };

  const remove = async (node: DistrictTreeNode) => {
    try {
      const current = await fetchDistrict(node.id);
      await deactivate.mutateAsync({ id: node.id, version: current.version });
      void message.success(t('districts.deactivated'));
    } catch (error) {
      showError(error);
    }
  };

  const columns: ColumnsType<DistrictTreeNode> = [
    { title: t('reference.name'), dataIndex: 'name', key: 'name' },
    { title: t('reference.code'), dataIndex: 'code', key: 'code', width: 200 },
    {
      title: t('districts.level'),
      dataIndex: 'level',
      key: 'level',
      width: 140,
      render: (level: string) => <Tag>{label('districtLevel', level)}</Tag>,
    },
    {
      title: t('districts.marketType'),
      dataIndex: 'marketType',
      key: 'marketType',
      width: 120,
      render: (marketType: string | null) => (marketType ? label('marketType', marketType) : '—'),
    },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 300,
            render: (_: unknown, node: DistrictTreeNode) => (
              <Space size={0} wrap>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => void edit(node)}>
                  {t('common.edit')}
                </Button>
                {childLevel(node.level) && (
                  <Button
                    type="link"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setEditing({ mode: 'create', parent: node })}
                  >
                    {label('districtLevel', childLevel(node.level)!)}
                  </Button>
                )}
                <Popconfirm
                  title={t('districts.deactivateConfirm', { name: node.name })}
                  onConfirm={() => remove(node)}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" size="small" danger icon={<StopOutlined />}>
                    {t('districts.deactivate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const initialValues: Partial<DistrictInput> =
    editing?.mode === 'edit'
      ? editing.district
      : {
          level: childLevel(editing?.parent?.level),
          parentId: editing?.parent?.id ?? null,
          marketType: editing?.parent?.marketType ?? undefined,
          active: true,
        };

  return (
    <>
      <PageHeader
        title={t('districts.title')}
        subtitle={t('districts.subtitle')}
        extra={
          <>
            <Button icon={<NodeExpandOutlined />} onClick={() => setExpanded(expanded === null ? [] : null)}>
              {expanded === null ? t('districts.collapseAll') : t('districts.expandAll')}
            </Button>
            <Can permission="reference:write">
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ mode: 'create', parent: null })}
              >
                {t('common.create')}
              </Button>
            </Can>
          </>
        }
      />
      <Card styles={{ body: { padding: tree.data ? 0 : 24 } }}>
        {tree.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : tree.isError ? (
          <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
        ) : (
          <Table<DistrictTreeNode>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={tree.data}
            pagination={false}
            loading={tree.isFetching}
            expandable={{
              expandedRowKeys: expanded ?? allBranches,
              onExpandedRowsChange: (keys) => setExpanded(keys),
              childrenColumnName: 'children',
            }}
            locale={{
              emptyText: <Empty description={t('reference.empty', { entity })} />,
            }}
            data-testid="districts-table"
          />
        )}
      </Card>
      <EntityFormModal<DistrictInput>
        title={
          editing?.mode === 'edit'
            ? t('reference.editTitle', { entity })
            : t('reference.createTitle', { entity })
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
        fields={FIELDS}
        initialValues={initialValues}
        onReload={async () => {
          if (editing?.mode === 'edit')
            setEditing({
              mode: 'edit',
              district: await fetchDistrict(editing.district.id),
            });
        }}
        onSubmit={({ code: _code, level: _level, ...values }) =>
          editing?.mode === 'edit'
            ? save.mutateAsync({
                id: editing.district.id,
                body: { ...values, version: editing.district.version },
              })
            : save.mutateAsync({
                body: { code: _code, level: _level, ...values },
              })
        }
      >
        {() => (
          <>
            <Form.Item name="code" label={t('reference.code')} rules={[{ required: true }]}>
              <Input maxLength={32} disabled={editing?.mode === 'edit'} />
            </Form.Item>
            <Form.Item name="name" label={t('reference.name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="level" label={t('districts.level')} rules={[{ required: true }]}>
              <Select
                options={options('districtLevel', DISTRICT_LEVELS)}
                disabled={editing?.mode === 'edit'}
              />
            </Form.Item>
            <Form.Item name="parentId" label={t('districts.parent')}>
              <DistrictTreeSelect />
            </Form.Item>
            <Form.Item name="marketType" label={t('districts.marketType')}>
              <Select allowClear options={options('marketType', MARKET_TYPES)} />
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
