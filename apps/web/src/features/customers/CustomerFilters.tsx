import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../shared/components/DownloadButton';
import { useVocab } from '../../shared/use-vocab';
import {
  BUSINESS_TYPES,
  CUSTOMER_STATUSES,
  INTEGRITY_GRADES,
  LICENCE_STATUSES,
  MARKET_TYPES,
  SCALES,
  TERMINAL_STATUSES,
  TIER_MAX,
  TIER_MIN,
  TRADE_AREAS,
} from '../../shared/vocab';
import { AccountManagerSelect } from '../reference/account-managers/AccountManagerSelect';
import { DistrictTreeSelect } from '../reference/districts/DistrictTreeSelect';
import { exportUrl, hasFilters, type CustomerFilterKey, type CustomerListQuery } from './customer-query';

export interface CustomerFiltersProps {
  query: CustomerListQuery;
  onChange: (change: Partial<Pick<CustomerListQuery, CustomerFilterKey>>) => void;
  onReset: () => void;
}

const half = { xs: 24, sm: 12, md: 8, xl: 6 } as const;

/** Every filter of the customer list; each change goes straight to the URL. */
export function CustomerFilters({ query, onChange, onReset }: CustomerFiltersProps) {
  const { t } = useTranslation();
  const { options } = useVocab();
  const [expanded, setExpanded] = useState(
    () =>
      query.tradeArea !== undefined ||
      query.scale !== undefined ||
      query.licenceStatus !== undefined ||
      query.terminalStatus !== undefined ||
      query.status !== undefined,
  );
  const empty = <T,>(value: T[] | undefined) => (value && value.length > 0 ? value : undefined);

  return (
    <Form layout="vertical" component="div" className="filter-form" data-testid="customer-filters">
      <Row gutter={[16, 0]}>
        <Col xs={24} md={16} xl={12}>
          <Form.Item label={t('common.search')}>
            <Input.Search
              key={query.search ?? ''}
              defaultValue={query.search}
              placeholder={t('customers.searchPlaceholder')}
              allowClear
              enterButton
              maxLength={100}
              onSearch={(value) => onChange({ search: value.trim() || undefined })}
              data-testid="customer-search"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('fields.district')}>
            <DistrictTreeSelect
              value={query.districtId}
              onChange={(districtId) => onChange({ districtId })}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('fields.businessType')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('common.all')}
              value={query.businessType ?? []}
              options={options('businessType', BUSINESS_TYPES)}
              onChange={(value) => onChange({ businessType: empty(value) })}
              data-testid="filter-businessType"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('fields.marketType')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              value={query.marketType}
              options={options('marketType', MARKET_TYPES)}
              onChange={(marketType) => onChange({ marketType })}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('customers.tierRange')}>
            <Space.Compact block>
              <InputNumber
                min={TIER_MIN}
                max={TIER_MAX}
                precision={0}
                placeholder={t('common.min')}
                value={query.tierMin}
                onChange={(value) => onChange({ tierMin: value ?? undefined })}
                style={{ width: '50%' }}
                aria-label={`${t('fields.tier')} ${t('common.min')}`}
              />
              <InputNumber
                min={TIER_MIN}
                max={TIER_MAX}
                precision={0}
                placeholder={t('common.max')}
                value={query.tierMax}
                onChange={(value) => onChange({ tierMax: value ?? undefined })}
                style={{ width: '50%' }}
                aria-label={`${t('fields.tier')} ${t('common.max')}`}
              />
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('fields.integrityGrade')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('common.all')}
              value={query.integrityGrade ?? []}
              options={INTEGRITY_GRADES.map((grade) => ({
                value: grade,
                label: grade,
              }))}
              onChange={(value) => onChange({ integrityGrade: empty(value) })}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('fields.accountManager')}>
            <AccountManagerSelect
              placeholder={t('common.all')}
              value={query.accountManagerId}
              onChange={(accountManagerId) => onChange({ accountManagerId })}
            />
          </Form.Item>
        </Col>
        {expanded && (
          <>
            <Col {...half}>
              <Form.Item label={t('fields.tradeArea')}>
                <Select
                  mode="multiple"
                  allowClear
                  maxTagCount="responsive"
                  placeholder={t('common.all')}
                  value={query.tradeArea ?? []}
                  options={options('tradeArea', TRADE_AREAS)}
                  onChange={(value) => onChange({ tradeArea: empty(value) })}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('fields.scale')}>
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('common.all')}
                  value={query.scale ?? []}
                  options={options('scale', SCALES)}
                  onChange={(value) => onChange({ scale: empty(value) })}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('fields.status')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  value={query.status}
                  options={options('customerStatus', CUSTOMER_STATUSES)}
                  onChange={(status) => onChange({ status })}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('fields.licenceStatus')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  value={query.licenceStatus}
                  options={options('licenceStatus', LICENCE_STATUSES)}
                  onChange={(licenceStatus) => onChange({ licenceStatus })}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('fields.terminalStatus')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  value={query.terminalStatus}
                  options={options('terminalStatus', TERMINAL_STATUSES)}
                  onChange={(terminalStatus) => onChange({ terminalStatus })}
                />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Space wrap>
        <Button icon={<FilterOutlined />} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('customers.lessFilters') : t('customers.moreFilters')}
        </Button>
        <Button
          icon={<ClearOutlined />}
          onClick={onReset}
          disabled={!hasFilters(query)}
          data-testid="reset-filters"
        >
          {t('common.resetFilters')}
        </Button>
        <DownloadButton href={exportUrl(query)} data-testid="export-csv">
          {t('common.export')}
        </DownloadButton>
      </Space>
    </Form>
  );
}
