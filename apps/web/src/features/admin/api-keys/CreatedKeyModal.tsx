import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/format/use-format';
import type { CreatedApiKey } from './api-keys.api';

/**
 * The new key, shown this once: only its hash is stored, so closing this window loses it for good. The
 * window closes only through its button (not by clicking beside it), after a warning.
 */
export function CreatedKeyModal({
  created,
  onClose,
}: {
  created: CreatedApiKey | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the key is selected in the field for a manual copy.
      document.querySelector<HTMLInputElement>('[data-testid="created-key"]')?.select();
    }
  };

  const close = () => {
    setCopied(false);
    onClose();
  };

  return (
    <Modal
      open={created !== null}
      title={t('apiKeys.createdTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={640}
      destroyOnHidden
      data-testid="created-key-modal"
      footer={
        <Button type="primary" onClick={close} data-testid="created-key-done">
          {t('apiKeys.createdDone')}
        </Button>
      }
    >
      {created && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            title={t('apiKeys.shownOnce')}
            description={t('apiKeys.shownOnceHint')}
          />
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              value={created.key}
              style={{ fontFamily: 'monospace' }}
              onFocus={(event) => event.target.select()}
              data-testid="created-key"
            />
            <Button
              type={copied ? 'default' : 'primary'}
              icon={copied ? <CheckOutlined /> : <CopyOutlined />}
              onClick={() => void copy()}
              data-testid="created-key-copy"
            >
              {copied ? t('admin.copied') : t('common.copy')}
            </Button>
          </Space.Compact>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('apiKeys.name'), children: created.name },
              {
                key: 'prefix',
                label: t('apiKeys.prefix'),
                children: <Typography.Text code>{created.prefix}</Typography.Text>,
              },
              { key: 'expires', label: t('apiKeys.expiresAt'), children: format.dateTime(created.expiresAt) },
            ]}
          />
          <Typography.Text type="secondary">{t('apiKeys.usageHint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
