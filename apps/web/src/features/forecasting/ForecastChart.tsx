import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/use-format';
import type { ForecastChartData } from './forecast-chart';

echarts.use([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const ACTUAL = '#262626';
const MEAN = '#b7282e';
const BAND80 = 'rgba(183, 40, 46, 0.28)';
const BAND95 = 'rgba(183, 40, 46, 0.12)';

/** 36 months of actuals, the forecast mean and its 80 %/95 % intervals as shaded bands. */
export function ForecastChart({ chart }: { chart: ForecastChartData }) {
  const { t } = useTranslation();
  const format = useFormat();

  const option = useMemo(() => {
    const labels = chart.months.map((month) => format.month(month));
    const names = {
      actual: t('forecasting.chart.actual'),
      mean: t('forecasting.chart.mean'),
      band80: t('forecasting.chart.band80'),
      band95: t('forecasting.chart.band95'),
    };
    const band = (name: string, data: (number | null)[], colour: string | null) => ({
      name,
      type: 'line',
      stack: 'interval',
      data,
      symbol: 'none',
      silent: true,
      lineStyle: { opacity: 0 },
      areaStyle: colour ? { color: colour } : { opacity: 0 },
      itemStyle: colour ? { color: colour } : undefined,
      emphasis: { disabled: true },
      tooltip: { show: false },
      connectNulls: false,
    });
    const rowByIndex = (index: number) => chart.rows[index - chart.forecastIndex];
    return {
      animationDuration: 400,
      tooltip: {
        trigger: 'axis',
        formatter: (items: Array<{ dataIndex: number; axisValueLabel: string }>) => {
          const index = items[0]?.dataIndex ?? 0;
          const lines = [`<b>${items[0]?.axisValueLabel ?? ''}</b>`];
          const actual = chart.actual[index];
          if (actual !== null && actual !== undefined)
            lines.push(`${names.actual}: ${format.number(actual)}`);
          const row = rowByIndex(index);
          if (row) {
            lines.push(`${names.mean}: ${format.number(row.mean)}`);
            lines.push(`${names.band80}: ${format.number(row.lo80)} – ${format.number(row.hi80)}`);
            lines.push(`${names.band95}: ${format.number(row.lo95)} – ${format.number(row.hi95)}`);
          }
          return lines.join('<br/>');
        },
      },
      legend: { bottom: 0, data: [names.actual, names.mean, names.band80, names.band95] },
      grid: { left: 8, right: 24, top: 32, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: {
        type: 'value',
        name: t('sales.unitCartons'),
        min: 0,
        axisLabel: { formatter: (n: number) => format.number(n) },
      },
      series: [
        band('base', chart.bands.base, null),
        band(names.band95, chart.bands.lower95, BAND95),
        band(names.band80, chart.bands.band80, BAND80),
        band(names.band95, chart.bands.upper95, BAND95),
        {
          name: names.actual,
          type: 'line',
          data: chart.actual,
          showSymbol: false,
          lineStyle: { width: 2, color: ACTUAL },
          itemStyle: { color: ACTUAL },
          z: 10,
        },
        {
          name: names.mean,
          type: 'line',
          data: chart.mean,
          showSymbol: chart.rows.length <= 12,
          lineStyle: { width: 2, color: MEAN, type: 'dashed' },
          itemStyle: { color: MEAN },
          z: 11,
          ...(chart.forecastStart
            ? {
                markLine: {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: '#8c8c8c', type: 'dotted' },
                  label: { formatter: t('forecasting.chart.forecastStarts'), position: 'insideEndTop' },
                  data: [{ xAxis: labels[chart.forecastIndex] }],
                },
              }
            : {}),
        },
      ],
    };
  }, [chart, format, t]);

  return (
    <div data-testid="forecast-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 420 }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
