import {
  CheckCircleOutlined,
  DownOutlined,
  LineChartOutlined,
  PlayCircleOutlined,
  RightOutlined,
  StopOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Popconfirm,
  Progress,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../shared/components/ErrorState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/use-format';
import { useForecastingAccess } from './access';
import { FestivalProfilePanel } from './FestivalProfilePanel';
import { ForecastingTabs } from './ForecastingTabs';
import { useForecastRuns, useRunAction, type RunAction } from './forecasting.api';
import {
  canApprove,
  canCancel,
  formatDuration,
  isScoped,
  RUN_STATES,
  runProgress,
  type ForecastRun,
  type RunState,
} from './run-progress';
import { runErrorMessage } from './run-errors';
import { readRunsFilter, RUNS_PAGE_SIZE, writeRunsFilter, type RunsFilter } from './selection';
import { StartRunModal } from './StartRunModal';

export const STATE_COLOURS: Record<RunState, string> = {
  queued: 'default',
  running: 'processing',
  completed: 'success',
  failed: 'error',
  cancelled: 'warning',
};

function ProgressCell({ run }: { run: ForecastRun }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const progress = runProgress(run);
  return (
    <div style={{ minWidth: 200 }} data-testid="run-progress">
      <Progress percent={progress.percent} status={progress.status} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('forecasting.runs.chunks', { chunks: progress.chunks })}
        {progress.showSpeed && (
          <>
            {' · '}
            {t('forecasting.runs.speed', { speed: format.number(run.seriesPerSecond) })}
            {run.etaSeconds !== null && (
              <>
                {' · '}
                {t('forecasting.runs.eta', { eta: formatDuration(run.etaSeconds, i18n.language) })}
              </>
            )}
          </>
        )}
      </Typography.Text>
    </div>
  );
}

function StateTag({ run }: { run: ForecastRun }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={STATE_COLOURS[run.state]} data-testid="run-state">
      {t(`forecasting.state.${run.state}`)}
    </Tag>
  );
  return run.error ? (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{run.error}</span>}>{tag}</Tooltip>
  ) : (
    tag
  );
}

export function RunsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readRunsFilter(params);
  const runs = useForecastRuns(filter);
  const action = useRunAction();
  const access = useForecastingAccess();
  const [starting, setStarting] = useState(false);

  const setFilter = (next: RunsFilter) => setParams(writeRunsFilter(next));

  const act = async (kind: RunAction, run: ForecastRun) => {
    try {
      await action.mutateAsync({ action: kind, run });
      if (kind === 'score') {
        void message.success(
          <>
            {t('forecasting.runs.scoreQueued')}{' '}
            {/* Messages render outside the router: navigate from here rather than with a <Link>. */}
            <Typography.Link onClick={() => void navigate(`/forecasting/accuracy?run=${run.id}`)}>
              {t('forecasting.tabs.accuracy')}
            </Typography.Link>
          </>,
        );
      } else {
        void message.success(t(`forecasting.runs.${kind}Done`, { month: run.month, version: run.version }));
      }
    } catch (error) {
      void message.error({ content: runErrorMessage(t, kind, error, run), duration: 6 });
    }
  };

  const scopeText = (run: ForecastRun) =>
    isScoped(run)
      ? [
          run.districtIds.length
            ? t('forecasting.runs.districtCount', { count: run.districtIds.length })
            : '',
          run.brandIds.length ? t('forecasting.runs.brandCount', { count: run.brandIds.length }) : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : t('forecasting.runs.wholeMarket');

  const columns: ColumnsType<ForecastRun> = [
    {
      title: t('forecasting.runs.month'),
      key: 'month',
      width: 130,
      render: (_, run) => (
        <Space orientation="vertical" size={0}>
          <span>{format.month(run.month)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('forecasting.runs.version', { version: run.version })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('forecasting.runs.state'),
      key: 'state',
      width: 150,
      render: (_, run) => (
        <Space size={4} wrap>
          <StateTag run={run} />
          {run.published && (
            <Tag color="gold" icon={<CheckCircleOutlined />} data-testid="run-published">
              {t('forecasting.runs.published')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('forecasting.runs.progress'),
      key: 'progress',
      render: (_, run) => <ProgressCell run={run} />,
    },
    {
      title: t('forecasting.runs.series'),
      key: 'series',
      align: 'right',
      width: 120,
      render: (_, run) => (
        <Tooltip title={t('forecasting.runs.retailers', { count: run.retailersTotal })}>
          <span>{format.number(run.seriesDone)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('forecasting.runs.parameters'),
      key: 'parameters',
      responsive: ['lg'],
      render: (_, run) => (
        <Space orientation="vertical" size={0} style={{ fontSize: 12 }}>
          <span>
            {t(`forecasting.methods.${run.method}`, { defaultValue: run.method })} ·{' '}
            {t('forecasting.runs.horizon', { count: run.horizon })}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`forecasting.holidays.${run.holidays}`, { defaultValue: run.holidays })} · {scopeText(run)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('forecasting.runs.duration'),
      key: 'duration',
      width: 110,
      render: (_, run) => formatDuration(run.durationSeconds, i18n.language),
    },
    {
      title: t('forecasting.runs.startedBy'),
      key: 'startedBy',
      responsive: ['xl'],
      render: (_, run) => (
        <Space orientation="vertical" size={0}>
          <span>{run.startedBy}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {format.dateTime(run.createdAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, run) => (
        <Space size={0} wrap>
          {canCancel(run) && access.canRun && (
            <Popconfirm
              title={t('forecasting.runs.cancelConfirm')}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() => act('cancel', run)}
            >
              <Button type="link" size="small" danger icon={<StopOutlined />} data-testid="run-cancel">
                {t('forecasting.runs.cancel')}
              </Button>
            </Popconfirm>
          )}
          {run.state === 'completed' && !run.published && access.canApprove && (
            <Tooltip title={isScoped(run) ? t('forecasting.errors.approveScoped') : undefined}>
              <Popconfirm
                title={t('forecasting.runs.approveConfirmTitle')}
                description={t('forecasting.runs.approveConfirm', { month: format.month(run.month) })}
                okText={t('forecasting.runs.approve')}
                cancelText={t('common.cancel')}
                onConfirm={() => act('approve', run)}
                disabled={!canApprove(run)}
              >
                <Button
                  type="link"
                  size="small"
                  icon={<CheckCircleOutlined />}
                  disabled={!canApprove(run)}
                  data-testid="run-approve"
                >
                  {t('forecasting.runs.approve')}
                </Button>
              </Popconfirm>
            </Tooltip>
          )}
          {run.state === 'completed' && access.canRun && (
            <Tooltip title={t('forecasting.runs.scoreHint')}>
              <Button
                type="link"
                size="small"
                icon={<TrophyOutlined />}
                onClick={() => void act('score', run)}
                data-testid="run-score"
              >
                {t('forecasting.runs.score')}
              </Button>
            </Tooltip>
          )}
          {run.state === 'completed' && (
            <Link to={`/forecasting/chart?run=${run.id}`} data-testid="run-chart">
              <Button type="link" size="small" icon={<LineChartOutlined />}>
                {t('forecasting.runs.chart')}
              </Button>
            </Link>
          )}
        </Space>
      ),
    },
  ];

  const filtered = filter.month !== undefined || filter.state !== undefined;

  return (
    <>
      <PageHeader
        title={t('forecasting.title')}
        subtitle={t('forecasting.runs.subtitle')}
        extra={
          access.canRun && (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              onClick={() => setStarting(true)}
              data-testid="start-run"
            >
              {t('forecasting.start.open')}
            </Button>
          )
        }
      />
      <ForecastingTabs />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={8} wrap style={{ padding: 16 }}>
          <DatePicker
            picker="month"
            placeholder={t('forecasting.runs.filterMonth')}
            value={filter.month ? dayjs(`${filter.month}-01`) : null}
            onChange={(value) =>
              setFilter({ ...filter, page: 1, month: value ? value.format('YYYY-MM') : undefined })
            }
          />
          <Select<RunState>
            allowClear
            placeholder={t('forecasting.runs.filterState')}
            value={filter.state}
            onChange={(state) => setFilter({ ...filter, page: 1, state })}
            options={RUN_STATES.map((state) => ({ value: state, label: t(`forecasting.state.${state}`) }))}
            style={{ width: 160 }}
          />
          {filtered && <Button onClick={() => setFilter({ page: 1 })}>{t('common.resetFilters')}</Button>}
        </Flex>
        {runs.isError && !runs.data ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.isPending ? (
          <div style={{ padding: 24 }}>
            <Skeleton active paragraph={{ rows: 6 }} />
          </div>
        ) : (
          <>
            {runs.isError && <ErrorState error={runs.error} onRetry={() => void runs.refetch()} compact />}
            <Table<ForecastRun>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={runs.data.items}
              scroll={{ x: 1000 }}
              data-testid="runs-table"
              expandable={{
                expandedRowRender: (run) => <FestivalProfilePanel run={run} />,
                columnWidth: 48,
                expandIcon: ({ expanded, onExpand, record }) => (
                  <Tooltip title={t('forecasting.festival.toggle')}>
                    <Button
                      type="text"
                      size="small"
                      icon={expanded ? <DownOutlined /> : <RightOutlined />}
                      aria-label={t('forecasting.festival.toggle')}
                      aria-expanded={expanded}
                      onClick={(event) => onExpand(record, event)}
                      data-testid="run-festival"
                    />
                  </Tooltip>
                ),
              }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={filtered ? t('forecasting.runs.emptyFiltered') : t('forecasting.runs.empty')}
                  />
                ),
              }}
              pagination={{
                current: runs.data.page,
                pageSize: RUNS_PAGE_SIZE,
                total: runs.data.total,
                showSizeChanger: false,
                showTotal: (total) => t('common.total', { count: total }),
                onChange: (page) => setFilter({ ...filter, page }),
                style: { padding: '0 16px' },
              }}
            />
          </>
        )}
      </Card>
      <StartRunModal open={starting} onClose={() => setStarting(false)} />
    </>
  );
}
