import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/components/PageHeader';
import { ListTable } from '../../shared/list/ListTable';
import { useListParams } from '../../shared/list/use-list-params';
import { useCan } from '../auth/use-session';
import { useImportHistory, type ImportJob } from './imports.api';
import { JobCard } from './JobCard';
import { UploadCard } from './UploadCard';
import { useHistoryColumns } from './use-history-columns';

/** `/imports`: upload a CSV file, follow the import, and look back at earlier ones (the open one is in the URL). */
export function ImportsPage() {
  const { t } = useTranslation();
  const { params, page, pageSize, set, setPage } = useListParams();
  const jobId = params.get('job') ?? undefined;
  const mayRun = useCan()('imports:run');
  const history = useImportHistory({ page, pageSize });
  // Opening an import keeps the history's page.
  const open = (id: string) => set({ job: id, page });
  const columns = useHistoryColumns(open, jobId);

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Row gutter={[16, 16]}>
        {mayRun && (
          <Col xs={24} xl={10}>
            <UploadCard onStarted={(job) => open(job.id)} />
          </Col>
        )}
        <Col xs={24} xl={mayRun ? 14 : 24}>
          {jobId ? (
            <JobCard id={jobId} />
          ) : (
            <Card title={t('imports.current')}>
              <Empty description={t('imports.noCurrent')} />
            </Card>
          )}
        </Col>
        <Col span={24}>
          <Card title={t('imports.history')}>
            <ListTable<ImportJob>
              query={history}
              columns={columns}
              emptyText={t('imports.emptyHistory')}
              onPageChange={setPage}
              // The history polls while an import works: no spinner each time.
              loading={false}
              scroll={{ x: 1000 }}
              rowClassName={(row) => (row.id === jobId ? 'ant-table-row-selected' : '')}
              data-testid="import-history"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
