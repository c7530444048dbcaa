import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, toFormFieldErrors } from '../api/api-error';
import { FormModal } from './FormModal';

export interface EntityFormModalProps<V extends object> {
  title: string;
  open: boolean;
  onClose: () => void;
  /** The values to start from; the form is reset to them each time it opens. */
  initialValues: Partial<V>;
  /** The names of the form's fields, to put server field errors on. */
  fields: readonly string[];
  onSubmit: (values: V) => Promise<unknown>;
  /** Reloads the record after a stale-version conflict. */
  onReload?: () => Promise<unknown>;
  children: (form: FormInstance<V>) => ReactNode;
  width?: number;
  testId?: string;
}

/**
 * A create/edit form in a modal: the API's field errors go under their fields, a stale version explains
 * itself and offers a reload, anything else is shown with its request id.
 */
export function EntityFormModal<V extends object>({
  title,
  open,
  onClose,
  initialValues,
  fields,
  onSubmit,
  onReload,
  children,
  width = 560,
  testId,
}: EntityFormModalProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
    setStale(false);
    setFailure(null);
    // Reset only when the modal opens, not when the record refetches behind it.
  }, [open]);

  const submit = async (values: V) => {
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(values);
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!isApiError(error)) {
        setFailure(String(error));
      } else if (error.isStaleVersion) {
        setStale(true);
      } else {
        const { fields: mapped, other } = toFormFieldErrors(error, fields);
        if (mapped.length > 0) form.setFields(mapped as Parameters<typeof form.setFields>[0]);
        if (mapped.length === 0 || other.length > 0) {
          const detail = other.map((item) => `${item.field}: ${item.messages.join('; ')}`).join('\n');
          const id = error.requestId ? ` (${t('common.requestId')}: ${error.requestId})` : '';
          setFailure(`${detail || error.message}${id}`);
        }
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal<V>
      form={form}
      open={open}
      title={title}
      okText={t('common.save')}
      busy={saving}
      onClose={onClose}
      onFinish={submit}
      width={width}
      data-testid={testId}
      header={
        <>
          {stale && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('error.staleTitle')}
              description={t('error.staleDescription')}
              action={
                onReload && (
                  <Button
                    icon={<ReloadOutlined />}
                    onClick={() =>
                      void onReload().then(() => {
                        setStale(false);
                        onClose();
                      })
                    }
                  >
                    {t('common.reload')}
                  </Button>
                )
              }
            />
          )}
          {failure && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
              title={t('profile.saveFailed')}
              description={failure}
            />
          )}
        </>
      }
    >
      {children(form)}
    </FormModal>
  );
}
