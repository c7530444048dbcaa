import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Skeleton, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { LIST_PAGE_SIZES, readPaging, updateParams } from '../../../shared/list-params';
import { useAuditTrail, type AuditEntry } from './audit.api';
import { useAuditColumns } from './audit-columns';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, dayRange } from './audit-diff';
import { AuditDiff } from './AuditDiff';

interface Filters {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  days?: [Dayjs | null, Dayjs | null] | null;
}

const DAY = 'YYYY-MM-DD';

/** `/admin/audit`: every change, newest first, by record, by user, by action and by time. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const { page, pageSize } = readPaging(params, 50);
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const entity = text('entity');
  const entityId = text('entityId');
  const actor = text('actor');
  const action = text('action');
  const fromDay = text('from');
  const toDay = text('to');
  const trail = useAuditTrail({
    entity,
    entityId,
    actor,
    action,
    ...dayRange(fromDay, toDay),
    page,
    pageSize,
  });
  const columns = useAuditColumns({ withRecord: true });

  // The form follows the URL (back and forward, links from a record's history).
  useEffect(() => {
    form.setFieldsValue({
      entity,
      entityId,
      actor,
      action,
      days: fromDay || toDay ? [fromDay ? dayjs(fromDay) : null, toDay ? dayjs(toDay) : null] : null,
    });
  }, [form, entity, entityId, actor, action, fromDay, toDay]);

  const apply = (values: Filters) =>
    setParams(
      updateParams(
        params,
        {
          entity: values.entity,
          entityId: values.entityId?.trim(),
          actor: values.actor?.trim(),
          action: values.action,
          from: values.days?.[0]?.format(DAY),
          to: values.days?.[1]?.format(DAY),
        },
        50,
      ),
    );

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <Form<Filters> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="entity">
            <Select
              allowClear
              placeholder={t('audit.entity')}
              style={{ width: 150 }}
              options={AUDIT_ENTITIES.map((value) => ({ value, label: t(`audit.entities.${value}`) }))}
              data-testid="audit-entity"
            />
          </Form.Item>
          <Form.Item name="entityId">
            <Input allowClear placeholder={t('audit.entityId')} style={{ width: 120 }} maxLength={64} />
          </Form.Item>
          <Form.Item name="actor">
            <Input
              allowClear
              placeholder={t('audit.actorPlaceholder')}
              style={{ width: 160 }}
              maxLength={100}
            />
          </Form.Item>
          <Form.Item name="action">
            <Select
              allowClear
              placeholder={t('audit.action')}
              style={{ width: 130 }}
              options={AUDIT_ACTIONS.map((value) => ({ value, label: t(`audit.actions.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="days">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setParams(new URLSearchParams());
              }}
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
        {trail.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : trail.isError && !trail.data ? (
          <ErrorState error={trail.error} onRetry={() => void trail.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={trail.data.items}
            loading={trail.isFetching}
            expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
            locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            data-testid="audit-table"
            pagination={{
              current: trail.data.page,
              pageSize: trail.data.pageSize,
              total: trail.data.total,
              showSizeChanger: true,
              pageSizeOptions: LIST_PAGE_SIZES.map(String),
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (nextPage, nextSize) =>
                setParams(
                  updateParams(
                    params,
                    { page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize },
                    50,
                  ),
                ),
            }}
          />
        )}
      </Card>
    </>
  );
}
