import { Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../shared/components/DownloadButton';
import type { ImportJob, ImportRowError } from './imports.api';

/** The first rejected rows of an import, and the whole list as a CSV file. */
export function ImportErrors({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ImportRowError> = [
    { title: t('imports.line'), dataIndex: 'line', key: 'line', width: 80 },
    {
      title: t('imports.field'),
      dataIndex: 'field',
      key: 'field',
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('imports.value'),
      dataIndex: 'value',
      key: 'value',
      width: 160,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('imports.reason'), dataIndex: 'reason', key: 'reason' },
  ];
  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('imports.errors')}
        </Typography.Title>
        {job.errorReportUrl && (
          <DownloadButton href={job.errorReportUrl} data-testid="import-errors-csv">
            {t('imports.downloadErrors')}
          </DownloadButton>
        )}
      </Space>
      <Table<ImportRowError>
        rowKey={(row) => `${row.line}-${row.field ?? ''}-${row.reason}`}
        size="small"
        columns={columns}
        dataSource={job.errorSample}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="import-errors"
      />
    </>
  );
}
