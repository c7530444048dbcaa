import { App, Form } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnOpen } from '../../shared/form-dialog/use-on-open';
import { useSaveProblems } from '../../shared/form-dialog/use-save-problems';
import {
  EDITABLE_FIELDS,
  hasChanges,
  toFormValues,
  toUpdateBody,
  type CustomerFormValues,
} from './customer-form';
import { useUpdateCustomer, type CustomerDetail } from './customers.api';

export interface CustomerSaveOptions {
  customer: CustomerDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

/**
 * The edit form of a retailer and its save: only what changed is sent, with the version the form started
 * from; after a stale version the user reloads and the form starts again from the new record.
 */
export function useCustomerSave({ customer, open, onClose, onReload }: CustomerSaveOptions) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const update = useUpdateCustomer(customer.id);
  const { problems, report, clear } = useSaveProblems(form, EDITABLE_FIELDS);
  const [reloading, setReloading] = useState(false);

  // Only when the drawer opens: a background refetch must not wipe what the user is typing.
  useOnOpen(open, () => {
    form.resetFields();
    form.setFieldsValue(toFormValues(customer));
    clear();
  });

  // After a reload the record has its new version: start the form again from it.
  const restartAfterReload = useEffectEvent(() => {
    if (!open || !problems.stale) return;
    form.setFieldsValue(toFormValues(customer));
    clear();
  });
  useEffect(() => restartAfterReload(), [customer.version]);

  const submit = async (values: CustomerFormValues) => {
    clear();
    const body = toUpdateBody(customer, values);
    if (!hasChanges(body)) return onClose();
    try {
      await update.mutateAsync(body);
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      report(error);
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  };

  return { form, problems, saving: update.isPending, reloading, submit, reload };
}
