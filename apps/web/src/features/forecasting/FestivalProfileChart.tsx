import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/use-format';
import { weekLabel, type FestivalProfileChartData } from './festival-profile';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const ABOVE = '#b7282e';
const BELOW = '#8c8c8c';

/** Each week's sales around New Year relative to a normal week, against the line of no effect at 1. */
export function FestivalProfileChart({ chart }: { chart: FestivalProfileChartData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = useMemo(() => {
    const times = (factor: number) => t('forecasting.festival.times', { factor: format.number(factor, 2) });
    return {
      animationDuration: 300,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: Array<{ dataIndex: number }>) => {
          const bar = chart.bars[items[0]?.dataIndex ?? 0];
          return bar
            ? `<b>${t('forecasting.festival.week', { week: weekLabel(bar.week) })}</b><br/>${times(bar.factor)}`
            : '';
        },
      },
      grid: { left: 8, right: 24, top: 32, bottom: 32, containLabel: true },
      xAxis: {
        type: 'category',
        data: chart.bars.map((bar) => weekLabel(bar.week)),
        name: t('forecasting.festival.weeksFromNewYear'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: {
        type: 'value',
        min: 0,
        name: t('forecasting.festival.factor'),
        axisLabel: { formatter: (n: number) => format.number(n, 1) },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          data: chart.bars.map((bar) => ({
            value: bar.factor,
            itemStyle: { color: bar.factor >= 1 ? ABOVE : BELOW },
          })),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#262626', type: 'dashed' },
            label: { formatter: t('forecasting.festival.normal'), position: 'insideEndTop' },
            data: [{ yAxis: 1 }],
          },
        },
      ],
    };
  }, [chart, format, t]);
  return (
    <div data-testid="festival-profile-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 260 }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
