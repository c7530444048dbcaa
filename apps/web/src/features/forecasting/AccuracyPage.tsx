import { InfoCircleOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../shared/components/ErrorState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/use-format';
import { accuracyOverTime, AGREEMENT_TARGET, brandRows, levelRows, type AccuracyRow } from './accuracy';
import { AccuracyChart } from './AccuracyChart';
import { ForecastingTabs } from './ForecastingTabs';
import { useAccuracy, useRunOptions } from './forecasting.api';
import { readAccuracySelection, writeAccuracySelection, type AccuracySelection } from './selection';

function AgreementHelp() {
  const { t } = useTranslation();
  return (
    <Tooltip
      title={<span style={{ whiteSpace: 'pre-line' }}>{t('forecasting.accuracy.agreementHelp')}</span>}
    >
      <InfoCircleOutlined
        style={{ marginLeft: 4, color: '#8c8c8c' }}
        aria-label={t('forecasting.accuracy.agreementHelpLabel')}
      />
    </Tooltip>
  );
}

function useColumns(first: 'level' | 'brand'): ColumnsType<AccuracyRow> {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (value: number) => format.percent(value);
  const number = (a: number | null, b: number | null) => (a ?? -Infinity) - (b ?? -Infinity);
  return [
    first === 'level'
      ? {
          title: t('forecasting.accuracy.level'),
          dataIndex: 'level',
          key: 'level',
          render: (level: string) => t(`forecasting.accuracyLevels.${level}`, { defaultValue: level }),
        }
      : {
          title: t('forecasting.chart.brand'),
          dataIndex: 'keyName',
          key: 'keyName',
          sorter: (a, b) => (a.keyName ?? a.key).localeCompare(b.keyName ?? b.key, 'zh-CN'),
          render: (name: string | null, row) => name ?? `#${row.key}`,
        },
    {
      title: (
        <>
          {t('forecasting.accuracy.agreement')}
          <AgreementHelp />
        </>
      ),
      dataIndex: 'agreement',
      key: 'agreement',
      align: 'right',
      sorter: first === 'brand' ? (a, b) => a.agreement - b.agreement : undefined,
      render: (value: number) => (
        <Typography.Text type={value >= AGREEMENT_TARGET ? 'success' : 'danger'} strong>
          {percent(value)}
        </Typography.Text>
      ),
    },
    {
      title: <Tooltip title={t('forecasting.accuracy.wapeHelp')}>WAPE</Tooltip>,
      dataIndex: 'wape',
      key: 'wape',
      align: 'right',
      sorter: first === 'brand' ? (a, b) => a.wape - b.wape : undefined,
      render: percent,
    },
    {
      title: <Tooltip title={t('forecasting.accuracy.scaledHelp')}>MASE/RMSSE</Tooltip>,
      dataIndex: 'scaledError',
      key: 'scaledError',
      align: 'right',
      sorter: first === 'brand' ? (a, b) => number(a.scaledError, b.scaledError) : undefined,
      render: (value: number | null) => format.number(value, 2),
    },
    {
      title: <Tooltip title={t('forecasting.accuracy.biasHelp')}>{t('forecasting.accuracy.bias')}</Tooltip>,
      dataIndex: 'bias',
      key: 'bias',
      align: 'right',
      sorter: first === 'brand' ? (a, b) => a.bias - b.bias : undefined,
      render: (value: number) => `${value > 0 ? '+' : ''}${percent(value)}`,
    },
    {
      title: t('forecasting.accuracy.actual'),
      dataIndex: 'actual',
      key: 'actual',
      align: 'right',
      sorter: first === 'brand' ? (a, b) => a.actual - b.actual : undefined,
      render: (value: number) => format.number(value),
    },
    {
      title: t('forecasting.accuracy.forecast'),
      dataIndex: 'forecast',
      key: 'forecast',
      align: 'right',
      render: (value: number) => format.number(value),
    },
    {
      title: t('forecasting.accuracy.seriesCount'),
      dataIndex: 'seriesCount',
      key: 'seriesCount',
      align: 'right',
      sorter: first === 'brand' ? (a, b) => a.seriesCount - b.seriesCount : undefined,
      render: (value: number) => format.number(value),
    },
  ];
}

export function AccuracyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const selection = readAccuracySelection(params);
  const published = useAccuracy({ published: true });
  const runs = useRunOptions();
  const runMonths = useMemo(() => new Map((runs.data ?? []).map((run) => [run.id, run.month])), [runs.data]);
  const over = useMemo(
    () => (published.data ? accuracyOverTime(published.data, runMonths) : undefined),
    [published.data, runMonths],
  );
  const effectiveRun = selection.runId ?? over?.runs.get(selection.period ?? over.periods.at(-1) ?? '');
  const runRows = useAccuracy({ runId: effectiveRun }, effectiveRun !== undefined);
  const runPeriods = useMemo(
    () => [...new Set((runRows.data ?? []).map((row) => row.period))].sort(),
    [runRows.data],
  );
  const period =
    selection.period && runPeriods.includes(selection.period) ? selection.period : runPeriods.at(-1);
  const rows = useMemo(
    () => (runRows.data ?? []).filter((row) => row.period === period),
    [runRows.data, period],
  );
  const levelColumns = useColumns('level');
  const brandColumns = useColumns('brand');

  const select = (change: AccuracySelection) =>
    setParams(writeAccuracySelection({ ...selection, ...change }));
  const runLabel = useCallback(
    (id: string) => {
      const run = runs.data?.find((item) => item.id === id);
      return run
        ? `${format.month(run.month)} · ${t('forecasting.runs.version', { version: run.version })}${
            run.published ? ` · ${t('forecasting.runs.published')}` : ''
          }`
        : id.slice(0, 8);
    },
    [runs.data, format, t],
  );
  const runOptions = useMemo(() => {
    const ids = new Set([
      ...(runs.data ?? []).filter((run) => run.state === 'completed').map((run) => run.id),
      ...(effectiveRun ? [effectiveRun] : []),
    ]);
    return [...ids].map((id) => ({ value: id, label: runLabel(id) }));
  }, [runs.data, effectiveRun, runLabel]);

  const help = (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
      {t('forecasting.accuracy.definition')}
    </Typography.Paragraph>
  );

  return (
    <>
      <PageHeader title={t('forecasting.title')} subtitle={t('forecasting.accuracy.subtitle')} />
      <ForecastingTabs />
      <Card
        title={
          <>
            {t('forecasting.accuracy.overTime')}
            <AgreementHelp />
          </>
        }
        style={{ marginBottom: 16 }}
        data-testid="accuracy-over-time"
      >
        {published.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : published.isError ? (
          <ErrorState error={published.error} onRetry={() => void published.refetch()} compact />
        ) : !over || over.periods.length === 0 ? (
          <Empty description={t('forecasting.accuracy.empty')} data-testid="accuracy-empty">
            <Link to="/forecasting/runs">
              <Button>{t('forecasting.chart.goToRuns')}</Button>
            </Link>
          </Empty>
        ) : (
          <>
            <AccuracyChart data={over} />
            {help}
          </>
        )}
      </Card>
      <Card
        title={t('forecasting.accuracy.byLevel')}
        extra={
          <Form layout="inline">
            <Form.Item label={t('forecasting.chart.run')}>
              <Select
                value={effectiveRun}
                options={runOptions}
                placeholder={t('forecasting.accuracy.pickRun')}
                onChange={(runId: string) => select({ runId, period: undefined })}
                popupMatchSelectWidth={false}
                style={{ minWidth: 220 }}
                data-testid="accuracy-run"
              />
            </Form.Item>
            <Form.Item label={t('forecasting.accuracy.period')}>
              <Select
                value={period}
                options={runPeriods.map((value) => ({ value, label: format.month(value) }))}
                onChange={(value: string) => select({ period: value })}
                style={{ minWidth: 130 }}
                data-testid="accuracy-period"
              />
            </Form.Item>
          </Form>
        }
        style={{ marginBottom: 16 }}
      >
        {!effectiveRun ? (
          <Empty description={t('forecasting.accuracy.pickRun')} />
        ) : runRows.isPending ? (
          <Skeleton active paragraph={{ rows: 5 }} />
        ) : runRows.isError ? (
          <ErrorState error={runRows.error} onRetry={() => void runRows.refetch()} compact />
        ) : rows.length === 0 ? (
          <Empty description={t('forecasting.accuracy.notScored')} />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Flex gap={8} wrap>
              <Tag>{runLabel(effectiveRun)}</Tag>
              {period && <Tag>{format.month(period)}</Tag>}
            </Flex>
            <Table<AccuracyRow>
              rowKey={(row) => `${row.level}|${row.key}`}
              size="small"
              pagination={false}
              columns={levelColumns}
              dataSource={levelRows(rows)}
              scroll={{ x: 800 }}
              data-testid="accuracy-levels"
            />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('forecasting.accuracy.byBrand')}
            </Typography.Title>
            <Table<AccuracyRow>
              rowKey={(row) => `${row.level}|${row.key}`}
              size="small"
              columns={brandColumns}
              dataSource={brandRows(rows)}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />,
              }}
              data-testid="accuracy-brands"
            />
          </Space>
        )}
      </Card>
    </>
  );
}
