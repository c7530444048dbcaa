import { ArrowLeftOutlined, EditOutlined, LineChartOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { AuditHistoryCard } from '../admin/audit/AuditHistoryCard';
import { Can } from '../auth/Can';
import { ErrorState } from '../../shared/components/ErrorState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/use-format';
import { useVocab } from '../../shared/use-vocab';
import { retailerChartPath } from '../forecasting/selection';
import { useCustomer, type CustomerDetail } from './customers.api';
import { CustomerEditDrawer } from './CustomerEditDrawer';
import { DeactivateCustomerModal } from './DeactivateCustomerModal';
import { SalesChart } from './SalesChart';

function useSections(customer: CustomerDetail) {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
  const item = (
    key: string,
    children: React.ReactNode,
    span?: number,
  ): NonNullable<DescriptionsProps['items']>[number] => ({
    key,
    label: t(`fields.${key}`),
    children: children ?? '—',
    span,
  });
  return [
    {
      title: t('profile.basic'),
      items: [
        item('licenceNo', customer.licenceNo),
        item('shopName', customer.shopName),
        item('ownerName', customer.ownerName),
        item('phone', customer.phone),
        item('address', customer.address, 2),
        item('openedOn', format.date(customer.openedOn)),
      ],
    },
    {
      title: t('profile.classification'),
      items: [
        item(
          'district',
          <>
            {customer.districtName} <Tag>{customer.districtCode}</Tag>
          </>,
        ),
        item('marketType', label('marketType', customer.marketType)),
        item('businessType', label('businessType', customer.businessType)),
        item('tradeArea', label('tradeArea', customer.tradeArea)),
        item('scale', label('scale', customer.scale)),
        item('classificationCode', <Tag color="geekblue">{customer.classificationCode}</Tag>),
        item('tier', format.number(customer.tier)),
        item('integrityGrade', customer.integrityGrade),
        item('licenceStatus', label('licenceStatus', customer.licenceStatus)),
        item('terminalStatus', label('terminalStatus', customer.terminalStatus)),
        item(
          'status',
          <Tag color={customer.status === 'active' ? 'success' : 'default'}>
            {label('customerStatus', customer.status)}
          </Tag>,
        ),
      ],
    },
    {
      title: t('profile.service'),
      items: [
        item(
          'accountManager',
          customer.accountManagerName
            ? `${customer.accountManagerName}（${customer.accountManagerCode ?? ''}）`
            : '—',
        ),
        item('orderDay', label('weekday', customer.orderDay)),
        item('visitCycle', label('visitCycle', customer.visitCycle)),
      ],
    },
    {
      title: t('profile.personal'),
      items: [
        item('birthday', format.date(customer.birthday)),
        item('preferences', customer.preferences ?? '—', 2),
      ],
    },
    {
      title: t('profile.record'),
      items: [
        item('createdAt', format.dateTime(customer.createdAt)),
        item('updatedAt', format.dateTime(customer.updatedAt)),
        item('version', customer.version),
      ],
    },
  ];
}

function CustomerDetails({ customer }: { customer: CustomerDetail }) {
  const sections = useSections(customer);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="customer-details">
      {sections.map((section) => (
        <Card key={section.title} title={section.title} size="small">
          <Descriptions
            items={section.items}
            column={{ xs: 1, sm: 2, lg: 3 }}
            size="small"
            bordered
            styles={{ label: { width: 130 } }}
          />
        </Card>
      ))}
    </Space>
  );
}

export function CustomerProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const id = Number(useParams().id);
  const customer = useCustomer(id);
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);

  // Back to the list as it was (filters and page live in its URL), or to the list itself on a shared link.
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => void (location.key === 'default' ? navigate('/customers') : navigate(-1))}
    >
      {t('profile.backToList')}
    </Button>
  );

  if (customer.isPending) {
    return (
      <Card data-testid="profile-loading">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (customer.isError) {
    return (
      <>
        {back}
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      </>
    );
  }
  const data = customer.data;
  const reload = () => customer.refetch();

  return (
    <>
      <PageHeader
        title={
          <Space>
            {data.shopName}
            <Tag color={data.status === 'active' ? 'success' : 'default'}>
              {t(`vocab.customerStatus.${data.status}`)}
            </Tag>
          </Space>
        }
        subtitle={`${t('fields.licenceNo')} ${data.licenceNo} · ${data.districtName}`}
        extra={
          <>
            {back}
            <Can permission="forecasting:read">
              <Link to={retailerChartPath(data.id)} data-testid="customer-forecast">
                <Button icon={<LineChartOutlined />}>{t('forecasting.profileLink')}</Button>
              </Link>
            </Can>
            <Can permission="customers:write">
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                data-testid="customer-edit"
              >
                {t('profile.edit')}
              </Button>
              <Button
                danger
                icon={<StopOutlined />}
                disabled={data.status !== 'active'}
                onClick={() => setDeactivating(true)}
                data-testid="customer-deactivate"
              >
                {t('profile.deactivate')}
              </Button>
            </Can>
          </>
        }
      />
      {data.status !== 'active' && (
        <Alert type="info" showIcon title={t('profile.inactiveBanner')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <SalesChart customerId={data.id} />
        </Col>
        <Col span={24}>
          <CustomerDetails customer={data} />
        </Col>
        <Col span={24}>
          <AuditHistoryCard entity="customer" entityId={data.id} version={data.version} />
        </Col>
      </Row>
      <Can permission="customers:write">
        <CustomerEditDrawer
          customer={data}
          open={editing}
          onClose={() => setEditing(false)}
          onReload={reload}
        />
        <DeactivateCustomerModal
          customer={data}
          open={deactivating}
          onClose={() => setDeactivating(false)}
          onReload={reload}
          onDone={() => {
            setDeactivating(false);
            void message.success(t('profile.deactivated'));
          }}
        />
      </Can>
    </>
  );
}
