import { SafetyCertificateOutlined, TranslationOutlined } from '@ant-design/icons';
import { Card, Flex, Segmented, Space, theme, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n';
import { isLanguage, type Language } from '../../i18n/languages';

/** The frame of the sign-in and change-password pages: the product's name, a card, the language switch. */
export function AuthCard({
  title,
  children,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 55%)`,
      }}
    >
      <Space size={4} style={{ position: 'absolute', top: 16, right: 24 }}>
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
      <Space orientation="vertical" align="center" size={4} style={{ marginBottom: 24 }}>
        <SafetyCertificateOutlined style={{ fontSize: 40, color: token.colorPrimary }} />
        <Typography.Title level={2} style={{ margin: 0, letterSpacing: 2 }}>
          {t('app.title')}
        </Typography.Title>
      </Space>
      <Card title={title} style={{ width: '100%', maxWidth: 420 }} data-testid={testId}>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('auth.footer')}
      </Typography.Text>
    </Flex>
  );
}
