import { EditOutlined, KeyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/use-session';
import { RecordFormDialog } from '../../../shared/form-dialog/RecordFormDialog';
import { saveRequest } from '../../../shared/form-dialog/save-request';
import { useFormDialog } from '../../../shared/form-dialog/use-form-dialog';
import { useActionsColumn } from '../../../shared/list/columns';
import { CreateButton } from '../../auth/CreateButton';
import { SearchFilter } from '../../../shared/list/filters';
import { ListPage } from '../../../shared/list/ListPage';
import { ListTable } from '../../../shared/list/ListTable';
import { useListParams } from '../../../shared/list/use-list-params';
import { useReferenceList } from '../reference-list';
import { ActiveField, CodeField, NameField } from '../ReferenceFields';
import {
  useManufacturers,
  useSaveManufacturer,
  type Manufacturer,
  type ManufacturerInput,
} from './manufacturers.api';

const FIELDS = ['code', 'name', 'active'] as const;

export function ManufacturersPage() {
  const { t } = useTranslation();
  const { page, pageSize, search, set, setPage } = useListParams();
  const list = useManufacturers({ page, pageSize, search });
  const save = useSaveManufacturer();
  const dialog = useFormDialog<Manufacturer>();
  const reference = useReferenceList(t('manufacturers.entity'));
  const mayManageKeys = useCan()('apikeys:manage');
  const actionsColumn = useActionsColumn();

  const columns: ColumnsType<Manufacturer> = [
    { title: t('reference.code'), dataIndex: 'code', key: 'code', width: 160 },
    { title: t('reference.name'), dataIndex: 'name', key: 'name' },
    reference.activeColumn(120),
    ...actionsColumn<Manufacturer>(
      reference.mayWrite && mayManageKeys ? 220 : 120,
      (row) => (
        <>
          {reference.mayWrite && (
            <Button type="link" icon={<EditOutlined />} onClick={() => dialog.openEdit(row)}>
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
      reference.mayWrite || mayManageKeys,
    ),
  ];

  return (
    <>
      <ListPage
        title={t('manufacturers.title')}
        subtitle={t('manufacturers.subtitle')}
        actions={<CreateButton permission="reference:write" onClick={() => dialog.openCreate()} />}
        filters={
          <SearchFilter
            value={search}
            placeholder={reference.searchPlaceholder}
            style={{ maxWidth: 360 }}
            onSearch={(text) => set({ search: text })}
          />
        }
      >
        <ListTable<Manufacturer>
          query={list}
          columns={columns}
          emptyText={reference.emptyText}
          onPageChange={setPage}
        />
      </ListPage>
      <RecordFormDialog<ManufacturerInput, Manufacturer>
        dialog={dialog}
        titles={reference.titles}
        fields={FIELDS}
        valuesOf={(record) => record ?? { active: true }}
        onReload={() => list.refetch()}
        onSubmit={(values, record) => save.mutateAsync(saveRequest(values, record))}
      >
        {() => (
          <>
            <CodeField />
            <NameField maxLength={100} />
            <ActiveField />
          </>
        )}
      </RecordFormDialog>
    </>
  );
}
