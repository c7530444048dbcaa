import { Button, Drawer, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { SaveProblemAlerts } from '../../shared/form-dialog/SaveProblemAlerts';
import type { CustomerFormValues } from './customer-form';
import type { CustomerDetail } from './customers.api';
import { CustomerFormFields } from './CustomerFormFields';
import { useCustomerSave } from './use-customer-save';

export interface CustomerEditDrawerProps {
  customer: CustomerDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

/** A retailer's edit form beside its profile: server errors under their fields, a stale version offers a reload. */
export function CustomerEditDrawer(props: CustomerEditDrawerProps) {
  const { customer, open, onClose } = props;
  const { t } = useTranslation();
  const { form, problems, saving, reloading, submit, reload } = useCustomerSave(props);

  return (
    <Drawer
      title={`${t('profile.edit')} · ${customer.shopName}`}
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      data-testid="customer-edit-drawer"
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="customer-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <SaveProblemAlerts problems={problems} onReload={() => void reload()} reloading={reloading} />
      <Form<CustomerFormValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <CustomerFormFields customer={customer} />
      </Form>
    </Drawer>
  );
}
