import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Form,
  Progress,
  Radio,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/api-error';
import { useCan } from '../auth/use-session';
import { DownloadButton } from '../../shared/components/DownloadButton';
import { ErrorState } from '../../shared/components/ErrorState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/use-format';
import { LIST_PAGE_SIZES, readPaging, updateParams } from '../../shared/list-params';
import { useVocab } from '../../shared/use-vocab';
import { IMPORT_KINDS } from '../../shared/vocab';
import {
  useImportHistory,
  useImportJob,
  useStartImport,
  type ImportForm,
  type ImportJob,
  type ImportRowError,
} from './imports.api';
import { isImportActive, progressStatus, STATE_COLOURS } from './import-state';

interface UploadValues {
  kind: ImportForm['kind'];
  dryRun: boolean;
}

function UploadCard({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const { options } = useVocab();
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const start = useStartImport();

  const submit = async (values: UploadValues) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      void message.warning(t('imports.noFile'));
      return;
    }
    setProblem(null);
    try {
      const job = await start.mutateAsync({ ...values, file });
      void message.success(t('imports.submitted'));
      setFiles([]);
      onStarted(job);
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <Card title={t('imports.upload')} data-testid="import-upload">
      <Form<UploadValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'retailers', dryRun: true }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="kind" label={t('imports.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={options('importKind', IMPORT_KINDS)}
          />
        </Form.Item>
        <Form.Item name="dryRun" valuePropName="checked">
          <Checkbox data-testid="import-dry-run">{t('imports.dryRun')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('imports.file')} required>
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.dragHint')}</p>
            <p className="ant-upload-hint">{t('imports.fileHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        {problem !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('imports.failed')}
            description={
              isApiError(problem)
                ? `${problem.message}${problem.requestId ? ` (${t('common.requestId')}: ${problem.requestId})` : ''}`
                : String(problem)
            }
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<CloudUploadOutlined />}
          loading={start.isPending}
          disabled={files.length === 0}
          data-testid="import-start"
        >
          {start.isPending ? t('imports.uploading') : t('imports.start')}
        </Button>
      </Form>
    </Card>
  );
}

function JobCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
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
  const errorColumns: ColumnsType<ImportRowError> = [
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
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(
          [
            ['read', data.rowsRead],
            ['invalid', data.rowsInvalid],
            ['inserted', data.rowsInserted],
            ['updated', data.rowsUpdated],
            ['unchanged', data.rowsUnchanged],
          ] as const
        ).map(([key, value]) => (
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
          {
            key: 'kind',
            label: t('imports.kind'),
            children: label('importKind', data.kind),
          },
          {
            key: 'startedAt',
            label: t('imports.startedAt'),
            children: format.dateTime(data.startedAt),
          },
          {
            key: 'finishedAt',
            label: t('imports.finishedAt'),
            children: format.dateTime(data.finishedAt),
          },
        ]}
        style={{ marginBottom: 16 }}
      />
      {data.errorSample.length > 0 && (
        <>
          <Space
            style={{
              marginBottom: 8,
              width: '100%',
              justifyContent: 'space-between',
            }}
          >
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('imports.errors')}
            </Typography.Title>
            {data.errorReportUrl && (
              <DownloadButton href={data.errorReportUrl} data-testid="import-errors-csv">
                {t('imports.downloadErrors')}
              </DownloadButton>
            )}
          </Space>
          <Table<ImportRowError>
            rowKey={(row) => `${row.line}-${row.field ?? ''}-${row.reason}`}
            size="small"
            columns={errorColumns}
            dataSource={data.errorSample}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="import-errors"
          />
        </>
      )}
    </Card>
  );
}

function HistoryCard({ onOpen, selected }: { onOpen: (id: string) => void; selected?: string }) {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params);
  const history = useImportHistory({ page, pageSize });

  const columns: ColumnsType<ImportJob> = [
    {
      title: t('imports.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 170,
      render: (v: string) => format.dateTime(v),
    },
    {
      title: t('imports.createdBy'),
      dataIndex: 'createdBy',
      key: 'createdBy',
      width: 150,
      ellipsis: true,
      render: (by: string | null) => by ?? '—',
    },
    {
      title: t('imports.fileName'),
      dataIndex: 'fileName',
      key: 'fileName',
      ellipsis: true,
      render: (name: string, row) => (
        <Space>
          {name}
          {row.dryRun && <Tag color="purple">{t('imports.dryRunTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('imports.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 110,
      render: (v: string) => label('importKind', v),
    },
    {
      title: t('imports.state'),
      dataIndex: 'state',
      key: 'state',
      width: 100,
      render: (state: ImportJob['state']) => (
        <Tag color={STATE_COLOURS[state]}>{label('importState', state)}</Tag>
      ),
    },
    ...(['rowsRead', 'rowsInvalid', 'rowsInserted', 'rowsUpdated', 'rowsUnchanged'] as const).map((key) => ({
      title: t(`imports.${key.slice(4).toLowerCase()}`),
      dataIndex: key,
      key,
      width: 90,
      align: 'right' as const,
      render: (v: number) => format.number(v),
    })),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button type="link" size="small" disabled={row.id === selected} onClick={() => onOpen(row.id)}>
          {t('imports.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('imports.history')} styles={{ body: { padding: history.data ? 0 : 24 } }}>
      {history.isPending ? (
        <Skeleton active />
      ) : history.isError && !history.data ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Table<ImportJob>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={history.data.items}
          scroll={{ x: 1000 }}
          rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
          locale={{
            emptyText: <Empty description={t('imports.emptyHistory')} />,
          }}
          pagination={{
            current: history.data.page,
            pageSize: history.data.pageSize,
            total: history.data.total,
            showSizeChanger: true,
            pageSizeOptions: LIST_PAGE_SIZES.map(String),
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              setParams(
                updateParams(params, {
                  page: nextSize === pageSize ? nextPage : 1,
                  pageSize: nextSize,
                }),
              ),
            style: { padding: '0 16px' },
          }}
          data-testid="import-history"
        />
      )}
    </Card>
  );
}

export function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job') ?? undefined;
  const mayRun = useCan()('imports:run');
  const open = (id: string) =>
    setParams(updateParams(params, { job: id, page: params.get('page') ?? undefined }));

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
          <HistoryCard onOpen={open} selected={jobId} />
        </Col>
      </Row>
    </>
  );
}
