import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Row,
  Segmented,
  Select,
  Skeleton,
  Table,
  Tag,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../shared/components/ErrorState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useFormat } from '../../shared/format/use-format';
import { DistrictTreeSelect } from '../reference/districts/DistrictTreeSelect';
import { BrandSelect } from './BrandSelect';
import { buildForecastChart, type ForecastRow } from './forecast-chart';
import { ForecastChart } from './ForecastChart';
import { ForecastingTabs } from './ForecastingTabs';
import { useForecastSeries, useRunOptions } from './forecasting.api';
import { RetailerSelect } from './RetailerSelect';
import {
  readChartSelection,
  SERIES_LEVELS,
  toSeriesQuery,
  writeChartSelection,
  type ChartSelection,
  type SeriesLevel,
} from './selection';

function ForecastTable({ rows }: { rows: ForecastRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const range = (lo: number, hi: number) => `${format.number(lo)} – ${format.number(hi)}`;
  return (
    <Table<ForecastRow>
      rowKey="month"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="forecast-table"
      columns={[
        {
          title: t('forecasting.chart.month'),
          dataIndex: 'month',
          render: (month: string) => format.month(month),
        },
        {
          title: t('forecasting.chart.mean'),
          dataIndex: 'mean',
          align: 'right',
          render: (value: number) => format.number(value),
        },
        {
          title: t('forecasting.chart.band80'),
          key: 'band80',
          align: 'right',
          render: (_, row) => range(row.lo80, row.hi80),
        },
        {
          title: t('forecasting.chart.band95'),
          key: 'band95',
          align: 'right',
          render: (_, row) => range(row.lo95, row.hi95),
        },
      ]}
    />
  );
}

export function ForecastChartPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const selection = readChartSelection(params);
  const request = toSeriesQuery(selection);
  const series = useForecastSeries(request.query);
  const runs = useRunOptions();
  const chart = useMemo(() => (series.data ? buildForecastChart(series.data) : undefined), [series.data]);

  const select = (change: Partial<ChartSelection>) =>
    setParams(writeChartSelection({ ...selection, ...change }));
  const runOptions = useMemo(() => {
    const completed = (runs.data ?? []).filter((run) => run.state === 'completed');
    const options = completed.map((run) => ({
      value: run.id,
      label: `${format.month(run.month)} · ${t('forecasting.runs.version', { version: run.version })}${
        run.published ? ` · ${t('forecasting.runs.published')}` : ''
      }`,
    }));
    if (selection.runId && !options.some((option) => option.value === selection.runId)) {
      options.unshift({ value: selection.runId, label: selection.runId.slice(0, 8) });
    }
    return [{ value: '', label: t('forecasting.chart.latestPublished') }, ...options];
  }, [runs.data, selection.runId, format, t]);
  const shownRun = runs.data?.find((run) => run.id === series.data?.runId);

  let body: React.ReactNode;
  if (request.missing) {
    body = (
      <Empty
        description={
          request.missing === 'brand'
            ? t('forecasting.chart.pickBrand')
            : t(`forecasting.chart.pick.${selection.level}`)
        }
      />
    );
  } else if (series.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (series.isError && !series.data) {
    body = <ErrorState error={series.error} onRetry={() => void series.refetch()} compact />;
  } else if (!chart || (series.data.runId === null && !selection.runId)) {
    body = (
      <Empty description={t('forecasting.chart.nothingPublished')} data-testid="forecast-empty">
        <Link to="/forecasting/runs">
          <Button type="primary">{t('forecasting.chart.goToRuns')}</Button>
        </Link>
      </Empty>
    );
  } else {
    body = (
      <>
        {!chart.hasForecast && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('forecasting.chart.noForecastHere')}
          />
        )}
        {!chart.hasHistory && !chart.hasForecast ? (
          <Empty description={t('forecasting.chart.noData')} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={17}>
              <ForecastChart chart={chart} />
            </Col>
            <Col xs={24} xl={7}>
              {chart.hasForecast && <ForecastTable rows={chart.rows} />}
            </Col>
          </Row>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('forecasting.title')} subtitle={t('forecasting.chart.subtitle')} />
      <ForecastingTabs />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('forecasting.chart.level')}>
            <Segmented<SeriesLevel>
              value={selection.level}
              onChange={(level) => select({ level, id: undefined })}
              options={SERIES_LEVELS.map((level) => ({
                value: level,
                label: t(`forecasting.levels.${level}`),
              }))}
              data-testid="chart-level"
            />
          </Form.Item>
          {selection.level === 'district' && (
            <Form.Item label={t('fields.district')} style={{ minWidth: 260 }}>
              <DistrictTreeSelect value={selection.id} onChange={(id) => select({ id })} />
            </Form.Item>
          )}
          {selection.level === 'retailer' && (
            <Form.Item label={t('forecasting.levels.retailer')}>
              <RetailerSelect value={selection.id} onChange={(id) => select({ id })} />
            </Form.Item>
          )}
          <Form.Item
            label={t('forecasting.chart.brand')}
            required={selection.level === 'brand'}
            style={{ minWidth: 280 }}
          >
            <BrandSelect
              value={selection.brandId}
              onChange={(brandId) => select({ brandId })}
              placeholder={selection.level === 'brand' ? t('forecasting.chart.pickBrand') : undefined}
            />
          </Form.Item>
          <Form.Item label={t('forecasting.chart.run')} style={{ minWidth: 300 }}>
            <Select
              value={selection.runId ?? ''}
              options={runOptions}
              loading={runs.isPending}
              onChange={(runId: string) => select({ runId: runId || undefined })}
              popupMatchSelectWidth={false}
              data-testid="chart-run"
            />
          </Form.Item>
        </Form>
      </Card>
      <Card
        title={t('forecasting.chart.title')}
        extra={
          shownRun && (
            <Flex gap={4}>
              <Tag>{`${format.month(shownRun.month)} · ${t('forecasting.runs.version', { version: shownRun.version })}`}</Tag>
              <Tag>{t(`forecasting.methods.${shownRun.method}`, { defaultValue: shownRun.method })}</Tag>
              {shownRun.published && <Tag color="gold">{t('forecasting.runs.published')}</Tag>}
            </Flex>
          )
        }
        data-testid="forecast-card"
      >
        {body}
      </Card>
    </>
  );
}
