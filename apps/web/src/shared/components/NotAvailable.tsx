import { ApiOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A screen whose endpoints the server does not offer yet. */
export function NotAvailable({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Result
      icon={<ApiOutlined />}
      title={t('common.notAvailableTitle')}
      subTitle={t('common.notAvailableDescription', { name })}
    />
  );
}
