import { Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/format/use-format';
import type { AuditEntry } from './audit.api';
import { diffRows, formatAuditValue, type DiffRow } from './audit-diff';

/** A field's label: the screens' name for it where there is one, else its code. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string) =>
    t(`fields.${field}`, { defaultValue: t(`audit.fieldNames.${field}`, { defaultValue: field }) });
}

/** What one change did: each field before and after, the reason and the request id. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useFieldLabel();
  const rows = diffRows(entry);
  // Values in the user's language where the trail's codes have names: yes/no, roles, instants.
  const text = (field: string, v: unknown): string => {
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (field === 'roles' && Array.isArray(v))
      return v.map((role) => t(`roles.${String(role)}`, { defaultValue: String(role) })).join('、');
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return format.dateTime(v);
    return formatAuditValue(v);
  };
  const value = (row: DiffRow, side: 'before' | 'after') => {
    const v = row[side];
    return v === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Typography.Text
        type={side === 'after' ? 'success' : entry.before ? 'danger' : undefined}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {text(row.field, v)}
      </Typography.Text>
    );
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="audit-diff">
      {rows.length > 0 ? (
        <Table<DiffRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('audit.field'),
              dataIndex: 'field',
              width: 180,
              render: (field: string) => label(field),
            },
            { title: t('audit.before'), key: 'before', render: (_, row) => value(row, 'before') },
            { title: t('audit.after'), key: 'after', render: (_, row) => value(row, 'after') },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noFields')}</Typography.Text>
      )}
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'reason', label: t('audit.reason'), children: entry.reason ?? '—' },
          {
            key: 'requestId',
            label: t('common.requestId'),
            children: entry.requestId ? (
              <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                {entry.requestId}
              </Typography.Text>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </Space>
  );
}
