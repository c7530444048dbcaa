import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSignOut } from './auth.api';
import { CHANGE_PASSWORD_PATH } from './RequireSession';
import { useSession } from './use-session';

/** The header's user: name and roles, change password, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();
  if (!user) return null;
  const roles = user.roles.map((role) => t(`roles.${role}`, { defaultValue: role }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            type: 'group',
            label: (
              <Space orientation="vertical" size={2}>
                <Typography.Text type="secondary">@{user.username}</Typography.Text>
                <Space size={[4, 4]} wrap>
                  {roles.map((role) => (
                    <Tag key={role} color="red">
                      {role}
                    </Tag>
                  ))}
                </Space>
              </Space>
            ),
          },
          { type: 'divider' },
          {
            key: 'password',
            icon: <KeyOutlined />,
            label: t('auth.changePassword'),
            onClick: () =>
              void navigate(
                `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`,
              ),
          },
          {
            key: 'sign-out',
            icon: <LogoutOutlined />,
            danger: true,
            label: <span data-testid="sign-out">{t('auth.signOut')}</span>,
            onClick: () => void signOut(),
          },
        ],
      }}
    >
      <Button type="text" style={{ height: 40 }} data-testid="user-menu">
        <Space>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b7282e' }} />
          <span data-testid="user-name">{user.displayName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="user-roles">
            {roles.join(' · ')}
          </Typography.Text>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
