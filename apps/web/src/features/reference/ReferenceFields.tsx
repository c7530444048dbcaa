import { Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

/** The form fields every kind of reference record has. */
export function CodeField({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="code" label={t('reference.code')} rules={[{ required: true }]}>
      <Input maxLength={32} disabled={disabled} />
    </Form.Item>
  );
}

export function NameField({ maxLength }: { maxLength: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="name" label={t('reference.name')} rules={[{ required: true }]}>
      <Input maxLength={maxLength} />
    </Form.Item>
  );
}

export function ActiveField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="active" label={t('reference.active')} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
}
