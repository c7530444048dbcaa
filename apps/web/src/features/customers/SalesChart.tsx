import { Card, Empty, Segmented, Skeleton } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../shared/components/ErrorState';
import { useFormat } from '../../shared/format/use-format';
import { useCustomerSales } from './customers.api';
import { buildSalesChart, type SalesMetric } from './sales-chart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const OTHER_COLOUR = '#bfbfbf';

/** Monthly sales of one retailer: stacked bars by brand (top 8 + other) and the month total as a line. */
export function SalesChart({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [metric, setMetric] = useState<SalesMetric>('cartons');
  const sales = useCustomerSales(customerId, 36);
  const chart = useMemo(
    () => (sales.data ? buildSalesChart(sales.data, metric) : undefined),
    [sales.data, metric],
  );

  const option = useMemo(() => {
    if (!chart) return undefined;
    const value = (n: number) => (metric === 'amount' ? format.money(n) : format.number(n));
    const totalName = t('sales.total');
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (n: unknown) => (typeof n === 'number' ? value(n) : String(n ?? '')),
      },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: chart.months.map((month) => format.month(month)),
      },
      yAxis: {
        type: 'value',
        name: metric === 'cartons' ? t('sales.unitCartons') : t('sales.unitYuan'),
        axisLabel: { formatter: (n: number) => format.number(n) },
      },
      series: [
        ...chart.series.map((series) => ({
          name: series.isOther ? t('sales.other') : series.name,
          type: 'bar',
          stack: 'brands',
          emphasis: { focus: 'series' },
          data: series.values,
          ...(series.isOther ? { itemStyle: { color: OTHER_COLOUR } } : {}),
        })),
        {
          name: totalName,
          type: 'line',
          data: chart.total,
          showSymbol: false,
          lineStyle: { width: 2, color: '#262626' },
          itemStyle: { color: '#262626' },
          z: 10,
        },
      ],
    };
  }, [chart, metric, format, t]);

  return (
    <Card
      title={t('sales.title')}
      extra={
        <Segmented<SalesMetric>
          value={metric}
          onChange={setMetric}
          options={[
            { value: 'cartons', label: t('sales.cartons') },
            { value: 'amount', label: t('sales.amount') },
          ]}
          data-testid="sales-metric"
        />
      }
      data-testid="sales-card"
    >
      {sales.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : sales.isError ? (
        <ErrorState error={sales.error} onRetry={() => void sales.refetch()} compact />
      ) : !chart || chart.isEmpty || !option ? (
        <Empty description={t('sales.empty')} />
      ) : (
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          notMerge
          style={{ height: 380 }}
          opts={{ renderer: 'canvas' }}
        />
      )}
    </Card>
  );
}
