import { CheckCircleOutlined, EditOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/format/use-format';
import type { Role } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { useAllAccountManagers } from '../../reference/account-managers/account-managers.api';
import { useDistrictNames } from '../../reference/districts/use-district-names';
import { useActionsColumn } from '../../../shared/list/columns';
import { ConfirmButton } from '../../../shared/list/ConfirmButton';
import type { User } from './users.api';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  leader: 'volcano',
  district_manager: 'blue',
  account_manager: 'geekblue',
  customer_service: 'cyan',
  auditor: 'purple',
};

export interface UserActions {
  edit: (user: User) => void;
  resetPassword: (user: User) => void;
  setActive: (user: User, active: boolean) => Promise<void>;
}

export function useUserColumns(actions: UserActions): ColumnsType<User> {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession().user;
  const districtName = useDistrictNames();
  const managers = useAllAccountManagers();
  const actionsColumn = useActionsColumn();
  const managerName = (id: number) => {
    const manager = managers.data?.items.find((item) => item.id === id);
    return manager ? `${manager.name}（${manager.code}）` : `#${id}`;
  };

  return [
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
    ...actionsColumn<User>(250, (user) => (
      <Space size={0} wrap>
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => actions.edit(user)}>
          {t('common.edit')}
        </Button>
        <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => actions.resetPassword(user)}>
          {t('users.resetPassword')}
        </Button>
        {user.active ? (
          <ConfirmButton
            label={t('users.disable')}
            title={t('users.disableConfirm', { name: user.displayName })}
            description={t('users.disableHint')}
            okText={t('users.disable')}
            okDanger
            disabledReason={user.id === me?.id ? t('users.cannotDisableSelf') : undefined}
            onConfirm={() => actions.setActive(user, false)}
          />
        ) : (
          <Button
            type="link"
            size="small"
            icon={<CheckCircleOutlined />}
            onClick={() => void actions.setActive(user, true)}
          >
            {t('users.enable')}
          </Button>
        )}
      </Space>
    )),
  ];
}
