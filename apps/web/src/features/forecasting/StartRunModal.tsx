import { Alert, App, DatePicker, Form, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnOpen } from '../../shared/form-dialog/use-on-open';
import { BrandSelect } from './BrandSelect';
import { DistrictMultiSelect } from './DistrictMultiSelect';
import { useDataEnd, useStartRun, type StartRunInput } from './forecasting.api';
import { defaultRunMonth } from './run-progress';
import { runErrorMessage } from './run-errors';

/** The engine's methods (libs/forecasting METHODS), as the API's start request types them. */
export const METHODS = [
  'ensemble',
  'seeds',
  'auto',
  'ets',
  'theta',
  'theta-opt',
  'snaive',
  'naive',
  'naive2',
  'croston',
  'sba',
  'tsb',
  'adida',
  'imapa',
  'mean',
] as const satisfies readonly StartRunInput['method'][];

interface FormValues {
  month: Dayjs;
  horizon: number;
  method: StartRunInput['method'];
  holidays: StartRunInput['holidays'];
  districtIds?: number[];
  brandIds?: number[];
}

export function StartRunModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const dataEnd = useDataEnd(open);
  const start = useStartRun();
  const [failure, setFailure] = useState<string | null>(null);
  const suggested = dataEnd.data ? defaultRunMonth(dataEnd.data) : undefined;

  useOnOpen(open, () => {
    setFailure(null);
    form.resetFields();
  });

  useEffect(() => {
    // The month after the data, once known, unless the user already picked one.
    if (open && suggested && !form.isFieldTouched('month'))
      form.setFieldValue('month', dayjs(`${suggested}-01`));
  }, [open, suggested, form]);

  const submit = async (values: FormValues) => {
    setFailure(null);
    try {
      const { run, created } = await start.mutateAsync({
        month: values.month.format('YYYY-MM'),
        horizon: values.horizon,
        method: values.method,
        holidays: values.holidays,
        ...(values.districtIds?.length ? { districtIds: values.districtIds } : {}),
        ...(values.brandIds?.length ? { brandIds: values.brandIds } : {}),
      });
      if (created)
        void message.success(t('forecasting.start.started', { month: run.month, version: run.version }));
      else
        void message.info(t('forecasting.start.alreadyRunning', { month: run.month, version: run.version }));
      onClose();
    } catch (error) {
      setFailure(runErrorMessage(t, 'start', error));
    }
  };

  return (
    <Modal
      title={t('forecasting.start.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('forecasting.start.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      destroyOnHidden
      width={560}
      data-testid="start-run-modal"
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
          title={t('forecasting.start.failed')}
          description={failure}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ horizon: 3, method: 'ensemble', holidays: 'spring-festival' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="month"
          label={t('forecasting.start.month')}
          extra={suggested ? t('forecasting.start.monthHint', { month: suggested }) : undefined}
          rules={[{ required: true, message: t('forecasting.start.monthRequired') }]}
        >
          <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} data-testid="start-month" />
        </Form.Item>
        <Form.Item name="horizon" label={t('forecasting.start.horizon')} rules={[{ required: true }]}>
          <InputNumber
            min={1}
            max={12}
            precision={0}
            suffix={t('forecasting.months')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="method" label={t('forecasting.start.method')} rules={[{ required: true }]}>
          <Select
            options={METHODS.map((method) => ({ value: method, label: t(`forecasting.methods.${method}`) }))}
            data-testid="start-method"
          />
        </Form.Item>
        <Form.Item name="holidays" label={t('forecasting.start.holidays')}>
          <Select
            options={[
              { value: 'spring-festival', label: t('forecasting.holidays.spring-festival') },
              { value: 'none', label: t('forecasting.holidays.none') },
            ]}
          />
        </Form.Item>
        <Form.Item name="districtIds" label={t('forecasting.start.districts')}>
          <DistrictMultiSelect />
        </Form.Item>
        <Form.Item name="brandIds" label={t('forecasting.start.brands')}>
          <BrandSelect multiple placeholder={t('forecasting.start.allBrands')} testId="start-brands" />
        </Form.Item>
        <Typography.Text type="secondary">{t('forecasting.start.scopeNote')}</Typography.Text>
      </Form>
    </Modal>
  );
}
