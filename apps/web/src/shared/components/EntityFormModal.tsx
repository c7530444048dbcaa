import { App, Form } from 'antd';
import type { FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveProblemAlerts } from '../form-dialog/SaveProblemAlerts';
import { useOnOpen } from '../form-dialog/use-on-open';
import { useSaveProblems } from '../form-dialog/use-save-problems';
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
  const { problems, report, clear } = useSaveProblems(form, fields);

  // Reset only when the modal opens, not when the record refetches behind it.
  useOnOpen(open, () => {
    form.resetFields();
    form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
    clear();
  });

  const submit = async (values: V) => {
    setSaving(true);
    clear();
    try {
      await onSubmit(values);
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      report(error);
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
        <SaveProblemAlerts
          problems={problems}
          onReload={
            onReload &&
            (() =>
              void onReload().then(() => {
                clear();
                onClose();
              }))
          }
        />
      }
    >
      {children(form)}
    </FormModal>
  );
}
