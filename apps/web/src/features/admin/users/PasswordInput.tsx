import { CopyOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './user-form';

/**
 * A password an administrator sets for someone else: shown in clear (it is handed over and changed at first
 * sign-in), with a generator and a copy button.
 */
export function PasswordInput({
  value,
  onChange,
  testId,
}: {
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        autoComplete="new-password"
        spellCheck={false}
        maxLength={128}
        style={{ fontFamily: 'monospace' }}
        data-testid={testId}
      />
      <Tooltip title={t('users.generatePassword')}>
        <Button
          icon={<ThunderboltOutlined />}
          onClick={() => onChange?.(generatePassword())}
          aria-label={t('users.generatePassword')}
        />
      </Tooltip>
      <Tooltip title={t('common.copy')}>
        <Button
          icon={<CopyOutlined />}
          disabled={!value}
          aria-label={t('common.copy')}
          onClick={() =>
            void navigator.clipboard
              ?.writeText(value ?? '')
              .then(() => message.success(t('admin.copied')))
              .catch(() => undefined)
          }
        />
      </Tooltip>
    </Space.Compact>
  );
}
