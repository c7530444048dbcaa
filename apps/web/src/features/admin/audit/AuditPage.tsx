import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectFilter } from '../../../shared/list/filters';
import { ListPage } from '../../../shared/list/ListPage';
import { ListTable } from '../../../shared/list/ListTable';
import { useListParams } from '../../../shared/list/use-list-params';
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
  const { params, page, pageSize, set, setPage, clear } = useListParams();
  const [form] = Form.useForm<Filters>();
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
    set({
      entity: values.entity,
      entityId: values.entityId?.trim(),
      actor: values.actor?.trim(),
      action: values.action,
      from: values.days?.[0]?.format(DAY),
      to: values.days?.[1]?.format(DAY),
    });

  return (
    <ListPage title={t('audit.title')} subtitle={t('audit.subtitle')}>
      <Form<Filters> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="entity">
          <SelectFilter
            width={150}
            placeholder={t('audit.entity')}
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
          <SelectFilter
            width={130}
            placeholder={t('audit.action')}
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
              clear();
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      <ListTable<AuditEntry>
        query={trail}
        columns={columns}
        emptyText={t('audit.empty')}
        onPageChange={setPage}
        skeletonRows={8}
        expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
        data-testid="audit-table"
      />
    </ListPage>
  );
}
