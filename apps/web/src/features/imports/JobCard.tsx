import {
  Alert,
  Card,
  Col,
  Descriptions,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../shared/components/ErrorState';
import { useFormat } from '../../shared/format/use-format';
import { useVocab } from '../../shared/use-vocab';
import { ImportErrors } from './ImportErrors';
import { useImportJob, type ImportJob } from './imports.api';
import { isImportActive, progressStatus, STATE_COLOURS } from './import-state';

/** Rows read, rejected, inserted, updated and unchanged; what was imported and when. */
function JobFigures({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
  const counts = [
    ['read', job.rowsRead],
    ['invalid', job.rowsInvalid],
    ['inserted', job.rowsInserted],
    ['updated', job.rowsUpdated],
    ['unchanged', job.rowsUnchanged],
  ] as const;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {counts.map(([key, value]) => (
          <Col key={key} xs={12} sm={8} md={4}>
            <Statistic
              title={t(`imports.${key}`)}
              value={value}
              formatter={(v) => format.number(Number(v))}
              styles={key === 'invalid' && value > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Col>
        ))}
      </Row>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'kind', label: t('imports.kind'), children: label('importKind', job.kind) },
          { key: 'startedAt', label: t('imports.startedAt'), children: format.dateTime(job.startedAt) },
          { key: 'finishedAt', label: t('imports.finishedAt'), children: format.dateTime(job.finishedAt) },
        ]}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}

/** One import as it runs (polled) and how it ended, with the rows it rejected. */
export function JobCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const { label } = useVocab();
  const job = useImportJob(id);

  if (job.isPending)
    return (
      <Card title={t('imports.current')}>
        <Skeleton active />
      </Card>
    );
  if (job.isError) {
    return (
      <Card title={t('imports.current')}>
        <ErrorState error={job.error} onRetry={() => void job.refetch()} compact />
      </Card>
    );
  }
  const data = job.data;
  const done = !isImportActive(data);

  return (
    <Card
      title={
        <Space>
          {t('imports.current')}
          <Typography.Text type="secondary">{data.fileName}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {data.dryRun && <Tag color="purple">{t('imports.dryRunTag')}</Tag>}
          <Tag color={STATE_COLOURS[data.state]}>{label('importState', data.state)}</Tag>
        </Space>
      }
      data-testid="import-job"
    >
      <Progress percent={data.progress} status={progressStatus(data)} style={{ marginBottom: 16 }} />
      {done && data.state === 'succeeded' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={data.dryRun ? t('imports.dryRunDone') : t('imports.succeeded')}
        />
      )}
      {done && data.state !== 'succeeded' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.failed')}
          description={data.message}
        />
      )}
      <JobFigures job={data} />
      {data.errorSample.length > 0 && <ImportErrors job={data} />}
    </Card>
  );
}
