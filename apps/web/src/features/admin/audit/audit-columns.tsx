import { ApiOutlined, RobotOutlined, UserOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../shared/format/use-format';
import { useCan } from '../../auth/use-session';
import type { AuditEntry } from './audit.api';
import { useFieldLabel } from './AuditDiff';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  deactivate: 'orange',
  revoke: 'red',
  sign_out: 'default',
  reset_password: 'purple',
  approve: 'cyan',
  cancel: 'default',
  start: 'geekblue',
};

/** Where a record of the trail can be opened, if the user may open it. */
function recordLink(entity: string, id: string): string | undefined {
  if (entity === 'customer') return `/customers/${id}`;
  return undefined;
}

/** The trail's columns: time, who, what, which record (left out on a record's own page), changed fields. */
export function useAuditColumns({ withRecord }: { withRecord: boolean }): ColumnsType<AuditEntry> {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const fieldLabel = useFieldLabel();
  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (at: string) => format.dateTime(at),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 180,
      render: (_, entry) => (
        <Tooltip title={t(`audit.actorKinds.${entry.actorKind}`)}>
          <Space size={4}>
            {entry.actorKind === 'user' ? (
              <UserOutlined />
            ) : entry.actorKind === 'api_key' ? (
              <ApiOutlined />
            ) : (
              <RobotOutlined />
            )}
            {entry.actorName}
          </Space>
        </Tooltip>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 110,
      render: (action: string) => (
        <Tag color={ACTION_COLORS[action] ?? 'default'}>
          {t(`audit.actions.${action}`, { defaultValue: action })}
        </Tag>
      ),
    },
  ];
  if (withRecord) {
    columns.push({
      title: t('audit.record'),
      key: 'record',
      width: 170,
      render: (_, entry) => {
        const text = `${t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })} #${entry.entityId}`;
        const link = recordLink(entry.entity, entry.entityId);
        return link && can('customers:read') ? <Link to={link}>{text}</Link> : text;
      },
    });
  }
  columns.push({
    title: t('audit.changed'),
    dataIndex: 'changed',
    key: 'changed',
    render: (changed: string[]) =>
      changed.length ? (
        <Space size={[4, 4]} wrap>
          {changed.slice(0, 8).map((field) => (
            <Tag key={field}>{fieldLabel(field)}</Tag>
          ))}
          {changed.length > 8 && <Tag>+{changed.length - 8}</Tag>}
        </Space>
      ) : (
        '—'
      ),
  });
  return columns;
}
