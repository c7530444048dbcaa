import { Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, toFormFieldErrors } from '../../../shared/api/api-error';
import { FormModal } from '../../../shared/components/FormModal';
import { useOnOpen } from '../../../shared/form-dialog/use-on-open';
import { useCreateApiKey, type ApiKeyInput, type CreatedApiKey } from './api-keys.api';

/** Names a new key and sets its lifetime; the page then shows the key itself, once. */
export function CreateKeyModal({
  open,
  manufacturerId,
  manufacturerName,
  onClose,
  onCreated,
}: {
  open: boolean;
  manufacturerId: number;
  manufacturerName: string;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApiKeyInput>();
  const create = useCreateApiKey(manufacturerId);
  const [failure, setFailure] = useState<string | null>(null);

  // A fresh form each time it opens (before the user types, unlike after the opening animation).
  useOnOpen(open, () => {
    form.resetFields();
    setFailure(null);
  });

  const submit = async (values: ApiKeyInput) => {
    setFailure(null);
    try {
      onCreated(await create.mutateAsync({ name: values.name.trim(), expiresInDays: values.expiresInDays }));
      // The mutation's cache would keep the whole key: only the window that shows it once may hold it.
      create.reset();
    } catch (error) {
      if (!isApiError(error)) return setFailure(String(error));
      const { fields, other } = toFormFieldErrors(error, ['name', 'expiresInDays'] as const);
      if (fields.length) form.setFields(fields);
      if (!fields.length || other.length) setFailure(error.message);
    }
  };

  return (
    <FormModal<ApiKeyInput>
      form={form}
      open={open}
      title={t('apiKeys.createTitle', { name: manufacturerName })}
      okText={t('apiKeys.create')}
      busy={create.isPending}
      onClose={onClose}
      onFinish={submit}
      initialValues={{ expiresInDays: 365 }}
      header={failure && <Typography.Paragraph type="danger">{failure}</Typography.Paragraph>}
      data-testid="api-key-form"
    >
      <Form.Item
        name="name"
        label={t('apiKeys.name')}
        extra={t('apiKeys.nameHint')}
        rules={[{ required: true, whitespace: true, message: t('apiKeys.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="api-key-name" />
      </Form.Item>
      <Form.Item
        name="expiresInDays"
        label={t('apiKeys.expiresInDays')}
        rules={[{ required: true, message: t('apiKeys.expiresInDaysRequired') }]}
      >
        <InputNumber min={1} max={730} precision={0} style={{ width: 160 }} suffix={t('apiKeys.days')} />
      </Form.Item>
    </FormModal>
  );
}
