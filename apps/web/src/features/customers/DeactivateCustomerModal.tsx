import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api-error';
import { useDeactivateCustomer, type CustomerDetail } from './customers.api';

export interface DeactivateCustomerModalProps {
  customer: CustomerDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}

/** Deactivation needs a reason; nothing is deleted. */
export function DeactivateCustomerModal({
  customer,
  open,
  onClose,
  onDone,
  onReload,
}: DeactivateCustomerModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const deactivate = useDeactivateCustomer(customer.id);
  const [problem, setProblem] = useState<{
    stale: boolean;
    message: string;
  } | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setProblem(null);
    try {
      await deactivate.mutateAsync({
        version: customer.version,
        reason: reason.trim(),
      });
      form.resetFields();
      onDone();
    } catch (error) {
      if (isApiError(error)) {
        const reasonError = error.fieldErrors.find((field) => field.field === 'reason');
        if (reasonError) form.setFields([{ name: 'reason', errors: reasonError.messages }]);
        else setProblem({ stale: error.isStaleVersion, message: error.message });
      } else {
        setProblem({ stale: false, message: String(error) });
      }
    }
  };

  return (
    <Modal
      title={t('profile.deactivateTitle', { name: customer.shopName })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('profile.deactivate')}
      okButtonProps={{ danger: true, loading: deactivate.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('profile.deactivateHint')}</Typography.Paragraph>
      {problem && (
        <Alert
          type={problem.stale ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          title={problem.stale ? t('error.staleTitle') : t('profile.saveFailed')}
          description={problem.stale ? t('error.staleDescription') : problem.message}
          action={
            problem.stale && (
              <Button onClick={() => void onReload().then(() => setProblem(null))}>
                {t('common.reload')}
              </Button>
            )
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('profile.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('profile.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
