import { Col, DatePicker, Form, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocab } from '../../../shared/use-vocab';
import { BRAND_STATUSES, PACK_TYPES, PRICE_CLASSES } from '../../../shared/vocab';
import { CodeField, NameField } from '../ReferenceFields';

export const BRAND_FIELDS = [
  'code',
  'name',
  'manufacturerId',
  'priceClass',
  'wholesalePrice',
  'retailPrice',
  'packType',
  'status',
  'scarce',
  'launchedOn',
  'withdrawnOn',
] as const;

/** Dates travel as YYYY-MM-DD strings; the picker works on dayjs values. */
const dateItem = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

/** The brand form, two fields to a row. */
export function BrandFields({
  manufacturerOptions,
}: {
  manufacturerOptions: { value: number; label: string }[];
}) {
  const { t } = useTranslation();
  const { options } = useVocab();
  const half = (field: ReactNode) => <Col span={12}>{field}</Col>;
  const required = [{ required: true }];
  return (
    <Row gutter={16}>
      {half(<CodeField />)}
      {half(<NameField maxLength={100} />)}
      {half(
        <Form.Item name="manufacturerId" label={t('brands.manufacturer')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={manufacturerOptions} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="priceClass" label={t('brands.priceClass')} rules={required}>
          <Select options={options('priceClass', PRICE_CLASSES)} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="wholesalePrice" label={t('brands.wholesalePrice')} rules={required}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="retailPrice" label={t('brands.retailPrice')} rules={required}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="packType" label={t('brands.packType')} rules={required}>
          <Select options={options('packType', PACK_TYPES)} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="status" label={t('brands.status')}>
          <Select options={options('brandStatus', BRAND_STATUSES)} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="launchedOn" label={t('brands.launchedOn')} {...dateItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="withdrawnOn" label={t('brands.withdrawnOn')} {...dateItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>,
      )}
      {half(
        <Form.Item name="scarce" label={t('brands.scarce')} valuePropName="checked">
          <Switch />
        </Form.Item>,
      )}
    </Row>
  );
}
