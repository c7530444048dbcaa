import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useVocab } from '../../shared/use-vocab';
import {
  BUSINESS_TYPES,
  INTEGRITY_GRADES,
  LICENCE_STATUSES,
  MARKET_TYPES,
  SCALES,
  TERMINAL_STATUSES,
  TIER_MAX,
  TIER_MIN,
  TRADE_AREAS,
  VISIT_CYCLES,
  WEEKDAYS,
} from '../../shared/vocab';
import { AccountManagerSelect } from '../reference/account-managers/AccountManagerSelect';
import { DistrictTreeSelect } from '../reference/districts/DistrictTreeSelect';
import type { CustomerDetail } from './customers.api';

/** Dates travel as YYYY-MM-DD strings; the picker works on dayjs values. */
const dateItem = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value) : null,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

const col = { xs: 24, md: 12 } as const;

/** Every editable field of a retailer; the record names its district and manager until their lists load. */
export function CustomerFormFields({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const { options } = useVocab();
  const required = (field: string) => [{ required: true, message: t('profile.required', { field }) }];

  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item name="licenceNo" label={t('fields.licenceNo')} rules={required(t('fields.licenceNo'))}>
          <Input maxLength={32} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="shopName" label={t('fields.shopName')} rules={required(t('fields.shopName'))}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="ownerName" label={t('fields.ownerName')} rules={required(t('fields.ownerName'))}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="phone" label={t('fields.phone')} rules={required(t('fields.phone'))}>
          <Input maxLength={20} data-testid="field-phone" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('fields.address')} rules={required(t('fields.address'))}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="districtId" label={t('fields.district')} rules={required(t('fields.district'))}>
          <DistrictTreeSelect fallbackLabel={customer.districtName} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="marketType" label={t('fields.marketType')} rules={required(t('fields.marketType'))}>
          <Select options={options('marketType', MARKET_TYPES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="businessType"
          label={t('fields.businessType')}
          rules={required(t('fields.businessType'))}
        >
          <Select options={options('businessType', BUSINESS_TYPES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="tradeArea" label={t('fields.tradeArea')} rules={required(t('fields.tradeArea'))}>
          <Select options={options('tradeArea', TRADE_AREAS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="scale" label={t('fields.scale')} rules={required(t('fields.scale'))}>
          <Select options={options('scale', SCALES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="licenceStatus" label={t('fields.licenceStatus')}>
          <Select options={options('licenceStatus', LICENCE_STATUSES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="tier" label={t('fields.tier')} rules={required(t('fields.tier'))}>
          <InputNumber
            min={TIER_MIN}
            max={TIER_MAX}
            precision={0}
            style={{ width: '100%' }}
            data-testid="field-tier"
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="integrityGrade"
          label={t('fields.integrityGrade')}
          rules={required(t('fields.integrityGrade'))}
        >
          <Select
            showSearch
            options={INTEGRITY_GRADES.map((grade) => ({
              value: grade,
              label: grade,
            }))}
            data-testid="field-integrityGrade"
          />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="terminalStatus" label={t('fields.terminalStatus')}>
          <Select options={options('terminalStatus', TERMINAL_STATUSES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="accountManagerId" label={t('fields.accountManager')}>
          <AccountManagerSelect fallbackLabel={customer.accountManagerName ?? undefined} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="orderDay" label={t('fields.orderDay')} rules={required(t('fields.orderDay'))}>
          <Select options={options('weekday', WEEKDAYS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="visitCycle" label={t('fields.visitCycle')} rules={required(t('fields.visitCycle'))}>
          <Select options={options('visitCycle', VISIT_CYCLES)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="openedOn" label={t('fields.openedOn')} {...dateItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="birthday" label={t('fields.birthday')} {...dateItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="preferences" label={t('fields.preferences')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
