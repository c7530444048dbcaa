import {
  CheckCircleOutlined,
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  StopOutlined,
} from '@ant-design/icons';
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
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-error';
import { EntityFormModal } from '../../../shared/components/EntityFormModal';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useFormat } from '../../../shared/format/use-format';
import {
  LIST_PAGE_SIZES,
  readBoolean,
  readOneOf,
  readPaging,
  updateParams,
} from '../../../shared/list-params';
import { ROLES } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { AccountManagerSelect } from '../../reference/account-managers/AccountManagerSelect';
import { useAllAccountManagers } from '../../reference/account-managers/account-managers.api';
import { useDistrictNames } from '../../reference/districts/use-district-names';
import { DistrictsSelect } from './DistrictsSelect';
import { PasswordInput } from './PasswordInput';
import { localizePasswordErrors, ResetPasswordModal } from './ResetPasswordModal';
import { toCreateBody, toUpdateBody, USER_FORM_FIELDS, type UserFormValues } from './user-form';
import { useCreateUser, useUpdateUser, useUsers, type User } from './users.api';

const ROLE_COLORS: Record<(typeof ROLES)[number], string> = {
  admin: 'red',
  leader: 'volcano',
  district_manager: 'blue',
  account_manager: 'geekblue',
  customer_service: 'cyan',
  auditor: 'purple',
};

/** Staff accounts: find, create, edit roles and scope, disable or enable, reset a password. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const me = useSession().user;
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params);
  const search = params.get('search') ?? undefined;
  const role = readOneOf(params, 'role', ROLES);
  const active = readBoolean(params, 'active');
  const list = useUsers({ page, pageSize, search, role, active });
  const create = useCreateUser();
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const districtName = useDistrictNames();
  const managers = useAllAccountManagers();
  const managerName = (id: number) => {
    const manager = managers.data?.items.find((item) => item.id === id);
    return manager ? `${manager.name}（${manager.code}）` : `#${id}`;
  };
  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));

  const setActive = async (user: User, next: boolean) => {
    try {
      await update.mutateAsync({ id: user.id, body: { active: next, version: user.version } });
      void message.success(next ? t('users.enabled') : t('users.disabled'));
    } catch (error) {
      void message.error(
        isApiError(error) && error.isStaleVersion
          ? t('error.staleTitle')
          : isApiError(error)
            ? error.message
            : String(error),
      );
    }
  };

  const columns: ColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      width: 200,
      render: (username: string, user) => (
        <Space size={4} wrap>
          <span style={{ fontFamily: 'monospace' }}>{username}</span>
          {user.id === me?.id && <Tag>{t('users.you')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', width: 140 },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: User['roles']) => (
        <Space size={[4, 4]} wrap>
          {roles.map((item) => (
            <Tag key={item} color={ROLE_COLORS[item]}>
              {t(`roles.${item}`, { defaultValue: item })}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.scope'),
      key: 'scope',
      width: 200,
      render: (_, user) => {
        const parts = [
          ...(user.roles.includes('district_manager') ? user.districtIds.map(districtName) : []),
          ...(user.roles.includes('account_manager') && user.accountManagerId
            ? [managerName(user.accountManagerId)]
            : []),
        ];
        return parts.length ? parts.join('、') : '—';
      },
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 200,
      render: (_, user) => (
        <Space size={[4, 4]} wrap data-testid={`user-status-${user.username}`}>
          <Tag color={user.active ? 'success' : 'default'}>
            {user.active ? t('users.active') : t('users.inactive')}
          </Tag>
          {user.locked && (
            <Tooltip title={t('users.lockedHint')}>
              <Tag color="error" icon={<LockOutlined />}>
                {t('users.locked')}
              </Tag>
            </Tooltip>
          )}
          {user.mustChangePassword && <Tag color="warning">{t('users.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: (value: string) => format.dateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(user)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)}>
            {t('users.resetPassword')}
          </Button>
          {user.active ? (
            <Popconfirm
              title={t('users.disableConfirm', { name: user.displayName })}
              description={t('users.disableHint')}
              okText={t('users.disable')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => setActive(user, false)}
              disabled={user.id === me?.id}
            >
              <Tooltip title={user.id === me?.id ? t('users.cannotDisableSelf') : undefined}>
                <Button type="link" size="small" danger icon={<StopOutlined />} disabled={user.id === me?.id}>
                  {t('users.disable')}
                </Button>
              </Tooltip>
            </Popconfirm>
          ) : (
            <Button
              type="link"
              size="small"
              icon={<CheckCircleOutlined />}
              onClick={() => void setActive(user, true)}
            >
              {t('users.enable')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const creating = editing === 'new';
  const initialValues: Partial<UserFormValues> =
    editing === null || editing === 'new'
      ? { roles: [] }
      : {
          username: editing.username,
          displayName: editing.displayName,
          roles: editing.roles,
          districtIds: editing.districtIds,
          accountManagerId: editing.accountManagerId,
        };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={search ?? ''}
            defaultValue={search}
            placeholder={t('users.searchPlaceholder')}
            allowClear
            style={{ maxWidth: 320 }}
            onSearch={(value) => setParams(updateParams(params, { search: value.trim() }))}
            data-testid="users-search"
          />
          <Select
            allowClear
            placeholder={t('users.roleFilter')}
            style={{ width: 180 }}
            value={role}
            options={roleOptions}
            onChange={(value?: string) => setParams(updateParams(params, { role: value }))}
            data-testid="users-role-filter"
          />
          <Select
            allowClear
            placeholder={t('users.statusFilter')}
            style={{ width: 140 }}
            value={active === undefined ? undefined : String(active)}
            options={[
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
            onChange={(value?: string) => setParams(updateParams(params, { active: value }))}
            data-testid="users-active-filter"
          />
        </Flex>
        {list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data.items}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty description={t('users.empty')} /> }}
            data-testid="users-table"
            pagination={{
              current: list.data.page,
              pageSize: list.data.pageSize,
              total: list.data.total,
              showSizeChanger: true,
              pageSizeOptions: LIST_PAGE_SIZES.map(String),
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (nextPage, nextSize) =>
                setParams(
                  updateParams(params, { page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }),
                ),
            }}
          />
        )}
      </Card>
      <EntityFormModal<UserFormValues>
        title={creating ? t('users.createTitle') : t('users.editTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
        fields={USER_FORM_FIELDS}
        initialValues={initialValues}
        onReload={() => list.refetch()}
        testId="user-form"
        onSubmit={(values) =>
          editing === null || editing === 'new'
            ? create.mutateAsync(toCreateBody(values)).catch((error: unknown) => {
                throw localizePasswordErrors(error, t);
              })
            : update.mutateAsync({ id: editing.id, body: toUpdateBody(values, editing) })
        }
      >
        {(form) => <UserFields form={form} creating={creating} roleOptions={roleOptions} />}
      </EntityFormModal>
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

function UserFields({
  form,
  creating,
  roleOptions,
}: {
  form: FormInstance<UserFormValues>;
  creating: boolean;
  roleOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const roles = Form.useWatch('roles', form) ?? [];
  return (
    <>
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={creating ? t('users.usernameHint') : undefined}
        rules={[
          { required: true, message: t('users.usernameRequired') },
          { pattern: /^[a-z][a-z0-9_.-]{2,49}$/, message: t('users.usernameHint') },
        ]}
      >
        <Input disabled={!creating} maxLength={50} autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={100} data-testid="user-display-name" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ required: true, message: t('users.rolesRequired') }]}
      >
        <Select mode="multiple" options={roleOptions} optionFilterProp="label" data-testid="user-roles" />
      </Form.Item>
      {roles.includes('district_manager') && (
        <Form.Item
          name="districtIds"
          label={t('users.districts')}
          extra={t('users.districtsHint')}
          rules={[{ required: true, message: t('users.districtsRequired') }]}
        >
          <DistrictsSelect />
        </Form.Item>
      )}
      {roles.includes('account_manager') && (
        <Form.Item
          name="accountManagerId"
          label={t('users.accountManager')}
          extra={t('users.accountManagerHint')}
          rules={[{ required: true, message: t('users.accountManagerRequired') }]}
        >
          <AccountManagerSelect />
        </Form.Item>
      )}
      {creating && (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('users.initialPasswordHint')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <PasswordInput testId="user-password" />
        </Form.Item>
      )}
    </>
  );
}
