import { EditOutlined, NodeExpandOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Select, Skeleton, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../shared/api/client';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useVocab } from '../../../shared/use-vocab';
import { DISTRICT_LEVELS, MARKET_TYPES } from '../../../shared/vocab';
import { errorText } from '../../../shared/error-text';
import { RecordFormDialog } from '../../../shared/form-dialog/RecordFormDialog';
import { saveRequest } from '../../../shared/form-dialog/save-request';
import { useFormDialog } from '../../../shared/form-dialog/use-form-dialog';
import { useActionsColumn } from '../../../shared/list/columns';
import { ConfirmButton } from '../../../shared/list/ConfirmButton';
import { CreateButton } from '../../auth/CreateButton';
import { useReferenceList } from '../reference-list';
import { ActiveField, CodeField, NameField } from '../ReferenceFields';
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
  // Creating starts from the parent the new district goes under (none for a city).
  const dialog = useFormDialog<District, DistrictTreeNode | null>();
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  const allBranches = useMemo(() => branchIds(tree.data ?? []), [tree.data]);
  const reference = useReferenceList(t('districts.entity'));
  const actionsColumn = useActionsColumn();

  const showError = (error: unknown) => void message.error(errorText(error));

  // The tree holds no version: an edit or deactivation reads the district itself first.
  const edit = async (node: DistrictTreeNode) => {
    try {
      dialog.openEdit(await fetchDistrict(node.id));
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
    ...actionsColumn<DistrictTreeNode>(
      300,
      (node) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => void edit(node)}>
            {t('common.edit')}
          </Button>
          {childLevel(node.level) && (
            <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => dialog.openCreate(node)}>
              {label('districtLevel', childLevel(node.level)!)}
            </Button>
          )}
          <ConfirmButton
            label={t('districts.deactivate')}
            title={t('districts.deactivateConfirm', { name: node.name })}
            onConfirm={() => remove(node)}
          />
        </Space>
      ),
      reference.mayWrite,
    ),
  ];

  const newDistrict = (parent: DistrictTreeNode | null | undefined): Partial<DistrictInput> => ({
    level: childLevel(parent?.level),
    parentId: parent?.id ?? null,
    marketType: parent?.marketType ?? undefined,
    active: true,
  });

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
            <CreateButton permission="reference:write" onClick={() => dialog.openCreate(null)} />
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
            locale={{ emptyText: <Empty description={reference.emptyText} /> }}
            data-testid="districts-table"
          />
        )}
      </Card>
      <RecordFormDialog<DistrictInput, District, DistrictTreeNode | null>
        dialog={dialog}
        titles={reference.titles}
        fields={FIELDS}
        valuesOf={(district) => district ?? newDistrict(dialog.context)}
        onReload={async () => {
          if (dialog.record) dialog.openEdit(await fetchDistrict(dialog.record.id));
        }}
        // Code and level are fixed once created: an update does not send them.
        onSubmit={({ code, level, ...values }, district) =>
          save.mutateAsync(district ? saveRequest(values, district) : saveRequest({ code, level, ...values }))
        }
      >
        {() => (
          <>
            <CodeField disabled={dialog.record !== undefined} />
            <NameField maxLength={100} />
            <Form.Item name="level" label={t('districts.level')} rules={[{ required: true }]}>
              <Select
                options={options('districtLevel', DISTRICT_LEVELS)}
                disabled={dialog.record !== undefined}
              />
            </Form.Item>
            <Form.Item name="parentId" label={t('districts.parent')}>
              <DistrictTreeSelect />
            </Form.Item>
            <Form.Item name="marketType" label={t('districts.marketType')}>
              <Select allowClear options={options('marketType', MARKET_TYPES)} />
            </Form.Item>
            <ActiveField />
          </>
        )}
      </RecordFormDialog>
    </>
  );
}
