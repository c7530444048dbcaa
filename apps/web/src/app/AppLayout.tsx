import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  KeyOutlined,
  LineChartOutlined,
  SafetyOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
  TranslationOutlined,
  UserOutlined,
  BankOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, theme, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { UserMenu } from '../features/auth/UserMenu';
import { useCan } from '../features/auth/use-session';
import { changeLanguage } from '../i18n';
import { isLanguage, type Language } from '../i18n/languages';
import { PermittedOutlet } from './guards';
import { filterMenu } from './navigation';

const { Header, Sider, Content } = Layout;

/** The menu entry a path belongs to: the first one or two segments. */
function selectedKey(pathname: string): string {
  const [first, second] = pathname.split('/').filter(Boolean);
  if (first === 'reference' && second) return `/reference/${second}`;
  if (first === 'admin' && second) return `/admin/${second}`;
  return `/${first ?? 'customers'}`;
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const can = useCan();

  const items: MenuProps['items'] = [
    { key: '/customers', icon: <ShopOutlined />, label: t('nav.customers') },
    {
      key: 'reference',
      icon: <DatabaseOutlined />,
      label: t('nav.reference'),
      children: [
        {
          key: '/reference/districts',
          icon: <ApartmentOutlined />,
          label: t('nav.districts'),
        },
        {
          key: '/reference/brands',
          icon: <TagsOutlined />,
          label: t('nav.brands'),
        },
        {
          key: '/reference/manufacturers',
          icon: <BankOutlined />,
          label: t('nav.manufacturers'),
        },
        {
          key: '/reference/account-managers',
          icon: <TeamOutlined />,
          label: t('nav.accountManagers'),
        },
      ],
    },
    { key: '/imports', icon: <CloudUploadOutlined />, label: t('nav.imports') },
    // Shown to users with forecasting:read (see navigation.ts ROUTE_PERMISSIONS).
    { key: '/forecasting', icon: <LineChartOutlined />, label: t('nav.forecasting') },
    {
      key: 'admin',
      icon: <SafetyOutlined />,
      label: t('admin.nav.admin'),
      children: [
        { key: '/admin/users', icon: <UserOutlined />, label: t('admin.nav.users') },
        { key: '/admin/api-keys', icon: <KeyOutlined />, label: t('admin.nav.apiKeys') },
        { key: '/admin/audit', icon: <AuditOutlined />, label: t('admin.nav.audit') },
      ],
    },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        breakpoint="lg"
        style={{
          position: 'sticky',
          top: 0,
          height: '100vh',
          overflow: 'auto',
        }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            letterSpacing: 1,
            lineHeight: 1.2,
            textAlign: 'center',
            padding: '0 12px',
            overflow: 'hidden',
          }}
        >
          {collapsed ? t('app.shortTitle').slice(0, 2) : t('app.title')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          defaultOpenKeys={['reference', 'admin']}
          // Only what the user's permissions open (the routes are guarded the same way).
          items={filterMenu(items, can)}
          onClick={({ key }) => void navigate(key)}
          data-testid="side-menu"
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="middle">
            <Button type="link" icon={<ApiOutlined />} href="/api/docs" target="_blank" rel="noreferrer">
              {t('header.apiDocs')}
            </Button>
            {can('queues:admin') && (
              <Button
                type="link"
                icon={<DashboardOutlined />}
                href="/admin/queues"
                target="_blank"
                rel="noreferrer"
              >
                {t('header.queues')}
              </Button>
            )}
            <Space size={4}>
              <TranslationOutlined aria-label={t('header.language')} />
              <Segmented<Language>
                size="small"
                value={isLanguage(i18n.language) ? i18n.language : 'zh-CN'}
                onChange={changeLanguage}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
                data-testid="language-switch"
              />
            </Space>
            <UserMenu />
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <PermittedOutlet />
        </Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px' }}>
          <Typography.Text type="secondary">{t('app.title')}</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
