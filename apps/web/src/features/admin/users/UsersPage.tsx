import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { readBoolean, readOneOf } from '../../../shared/list-params';
import { ROLES } from '../../auth/permissions';
import { errorText } from '../../../shared/error-text';
import { RecordFormDialog } from '../../../shared/form-dialog/RecordFormDialog';
import { useFormDialog } from '../../../shared/form-dialog/use-form-dialog';
import { CreateButton } from '../../auth/CreateButton';
import { BooleanFilter, SearchFilter, SelectFilter } from '../../../shared/list/filters';
import { ListPage } from '../../../shared/list/ListPage';
import { ListTable } from '../../../shared/list/ListTable';
import { useListParams } from '../../../shared/list/use-list-params';
import { localizePasswordErrors, ResetPasswordModal } from './ResetPasswordModal';
import { useUserColumns } from './use-user-columns';
import { toCreateBody, toUpdateBody, USER_FORM_FIELDS, type UserFormValues } from './user-form';
import { UserFields } from './UserFields';
import { useCreateUser, useUpdateUser, useUsers, type User } from './users.api';

/** Staff accounts: find, create, edit roles and scope, disable or enable, reset a password. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { params, page, pageSize, search, set, setPage } = useListParams();
  const role = readOneOf(params, 'role', ROLES);
  const active = readBoolean(params, 'active');
  const list = useUsers({ page, pageSize, search, role, active });
  const create = useCreateUser();
  const update = useUpdateUser();
  const dialog = useFormDialog<User>();
  const [resetting, setResetting] = useState<User | null>(null);
  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));

  const setActive = async (user: User, next: boolean) => {
    try {
      await update.mutateAsync({ id: user.id, body: { active: next, version: user.version } });
      void message.success(next ? t('users.enabled') : t('users.disabled'));
    } catch (error) {
      void message.error(
        isApiError(error) && error.isStaleVersion ? t('error.staleTitle') : errorText(error),
      );
    }
  };

  const columns = useUserColumns({ edit: dialog.openEdit, resetPassword: setResetting, setActive });

  return (
    <>
      <ListPage
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <CreateButton
            label={t('users.create')}
            onClick={() => dialog.openCreate()}
            data-testid="user-create"
          />
        }
        filters={
          <>
            <SearchFilter
              value={search}
              placeholder={t('users.searchPlaceholder')}
              style={{ maxWidth: 320 }}
              onSearch={(text) => set({ search: text })}
              data-testid="users-search"
            />
            <SelectFilter
              width={180}
              placeholder={t('users.roleFilter')}
              value={role}
              options={roleOptions}
              onChange={(value?: string) => set({ role: value })}
              data-testid="users-role-filter"
            />
            <BooleanFilter
              width={140}
              placeholder={t('users.statusFilter')}
              labels={{ true: t('users.active'), false: t('users.inactive') }}
              value={active}
              onChange={(value) => set({ active: value })}
              data-testid="users-active-filter"
            />
          </>
        }
      >
        <ListTable<User>
          query={list}
          columns={columns}
          emptyText={t('users.empty')}
          onPageChange={setPage}
          scroll={{ x: 1100 }}
          data-testid="users-table"
        />
      </ListPage>
      <RecordFormDialog<UserFormValues, User>
        dialog={dialog}
        titles={{ create: t('users.createTitle'), edit: t('users.editTitle') }}
        fields={USER_FORM_FIELDS}
        valuesOf={(user) =>
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                roles: user.roles,
                districtIds: user.districtIds,
                accountManagerId: user.accountManagerId,
              }
            : { roles: [] }
        }
        onReload={() => list.refetch()}
        testId="user-form"
        onSubmit={(values, user) =>
          user
            ? update.mutateAsync({ id: user.id, body: toUpdateBody(values, user) })
            : create.mutateAsync(toCreateBody(values)).catch((error: unknown) => {
                throw localizePasswordErrors(error, t);
              })
        }
      >
        {(form) => (
          <UserFields form={form} creating={dialog.record === undefined} roleOptions={roleOptions} />
        )}
      </RecordFormDialog>
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
