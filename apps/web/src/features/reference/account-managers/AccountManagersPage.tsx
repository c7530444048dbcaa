import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { readBoolean, readInt } from '../../../shared/list-params';
import { errorText } from '../../../shared/error-text';
import { RecordFormDialog } from '../../../shared/form-dialog/RecordFormDialog';
import { saveRequest } from '../../../shared/form-dialog/save-request';
import { useFormDialog } from '../../../shared/form-dialog/use-form-dialog';
import { useActionsColumn } from '../../../shared/list/columns';
import { ConfirmButton } from '../../../shared/list/ConfirmButton';
import { CreateButton } from '../../auth/CreateButton';
import { BooleanFilter, SearchFilter } from '../../../shared/list/filters';
import { ListPage } from '../../../shared/list/ListPage';
import { ListTable } from '../../../shared/list/ListTable';
import { useListParams } from '../../../shared/list/use-list-params';
import { DistrictsSelect } from '../districts/DistrictsSelect';
import { DistrictTreeSelect } from '../districts/DistrictTreeSelect';
import { useDistrictNames } from '../districts/use-district-names';
import { useReferenceList } from '../reference-list';
import { ActiveField, CodeField, NameField } from '../ReferenceFields';
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
  const { params, page, pageSize, search, set, setPage } = useListParams();
  const districtId = readInt(params, 'districtId');
  const active = readBoolean(params, 'active');
  const list = useAccountManagers({ page, pageSize, search, districtId, active });
  const save = useSaveAccountManager();
  const deactivate = useDeactivateAccountManager();
  const districtName = useDistrictNames();
  const dialog = useFormDialog<AccountManager>();
  const reference = useReferenceList(t('accountManagers.entity'));
  const actionsColumn = useActionsColumn();

  const columns: ColumnsType<AccountManager> = [
    { title: t('reference.code'), dataIndex: 'code', key: 'code', width: 120 },
    { title: t('reference.name'), dataIndex: 'name', key: 'name', width: 140 },
    { title: t('accountManagers.phone'), dataIndex: 'phone', key: 'phone', width: 150 },
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
    reference.activeColumn(100),
    ...actionsColumn<AccountManager>(
      200,
      (row) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => dialog.openEdit(row)}>
            {t('common.edit')}
          </Button>
          {row.active && (
            <ConfirmButton
              label={t('common.deactivate')}
              title={t('common.deactivateConfirm', { name: row.name })}
              onConfirm={() =>
                deactivate
                  .mutateAsync({ id: row.id, version: row.version })
                  .catch((error: unknown) => message.error(errorText(error)))
              }
            />
          )}
        </Space>
      ),
      reference.mayWrite,
    ),
  ];

  return (
    <>
      <ListPage
        title={t('accountManagers.title')}
        subtitle={t('accountManagers.subtitle')}
        actions={<CreateButton permission="reference:write" onClick={() => dialog.openCreate()} />}
        filters={
          <>
            <SearchFilter
              value={search}
              placeholder={reference.searchPlaceholder}
              style={{ width: 280 }}
              onSearch={(text) => set({ search: text })}
            />
            <div style={{ width: 260 }}>
              <DistrictTreeSelect value={districtId} onChange={(id) => set({ districtId: id })} />
            </div>
            <BooleanFilter
              width={140}
              placeholder={t('reference.active')}
              labels={{ true: t('common.active'), false: t('common.inactive') }}
              value={active}
              onChange={(value) => set({ active: value })}
            />
          </>
        }
      >
        <ListTable<AccountManager>
          query={list}
          columns={columns}
          emptyText={reference.emptyText}
          onPageChange={setPage}
        />
      </ListPage>
      <RecordFormDialog<AccountManagerInput, AccountManager>
        dialog={dialog}
        titles={reference.titles}
        fields={FIELDS}
        valuesOf={(record) => record ?? { active: true, districtIds: [] }}
        onReload={() => list.refetch()}
        onSubmit={(values, record) => save.mutateAsync(saveRequest(values, record))}
      >
        {() => (
          <>
            <CodeField />
            <NameField maxLength={50} />
            <Form.Item name="phone" label={t('accountManagers.phone')} rules={[{ required: true }]}>
              <Input maxLength={11} />
            </Form.Item>
            <Form.Item name="districtIds" label={t('accountManagers.districts')}>
              <DistrictsSelect />
            </Form.Item>
            <ActiveField />
          </>
        )}
      </RecordFormDialog>
    </>
  );
}
