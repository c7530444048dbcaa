import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState';
import { useCan } from '../../auth/use-session';
import { useAuditTrail, type AuditEntry } from './audit.api';
import { useAuditColumns } from './audit-columns';
import { AuditDiff } from './AuditDiff';

const PAGE_SIZE = 10;

/** A record's history on its own page: the trail for `entity` `entityId`, for those who may read the trail. */
export function AuditHistoryCard({
  entity,
  entityId,
  version,
}: {
  entity: string;
  entityId: number | string;
  /** The record's version: a new one (after an edit) loads the history again. */
  version?: number;
}) {
  const can = useCan();
  if (!can('audit:read')) return null;
  return <History entity={entity} entityId={String(entityId)} version={version} />;
}

function History({ entity, entityId, version }: { entity: string; entityId: string; version?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const trail = useAuditTrail({ entity, entityId, page, pageSize: PAGE_SIZE }, { revision: version });
  const columns = useAuditColumns({ withRecord: false });
  return (
    <Card
      size="small"
      title={
        <>
          <HistoryOutlined /> {t('audit.history')}
        </>
      }
      extra={
        <Link
          to={`/admin/audit?entity=${encodeURIComponent(entity)}&entityId=${encodeURIComponent(entityId)}`}
        >
          <Button type="link" size="small">
            {t('audit.openTrail')}
          </Button>
        </Link>
      }
      data-testid="audit-history"
    >
      {trail.isError && !trail.data ? (
        <ErrorState error={trail.error} onRetry={() => void trail.refetch()} compact />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={trail.data?.items}
          loading={trail.isFetching}
          expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} /> }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />,
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: trail.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: setPage,
            showTotal: (total) => t('common.total', { count: total }),
          }}
        />
      )}
    </Card>
  );
}
