import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/use-format';
import { ACCURACY_LEVELS, AGREEMENT_TARGET, type AccuracyOverTime } from './accuracy';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** 吻合率 per level over the scored months, against the seeds' 96 % target. */
export function AccuracyChart({ data }: { data: AccuracyOverTime }) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = useMemo(() => {
    const values = ACCURACY_LEVELS.flatMap((level) => data.agreement[level]).filter(
      (value): value is number => value !== null,
    );
    const lowest = Math.min(AGREEMENT_TARGET, ...values);
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (n: unknown) => (typeof n === 'number' ? format.percent(n) : '—'),
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 48, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.periods.map((period) => format.month(period)) },
      yAxis: {
        type: 'value',
        min: Math.max(0, Math.floor(lowest * 20) / 20 - 0.05),
        max: 1,
        axisLabel: { formatter: (n: number) => format.percent(n) },
      },
      series: ACCURACY_LEVELS.map((level, index) => ({
        name: t(`forecasting.accuracyLevels.${level}`),
        type: 'line',
        data: data.agreement[level],
        connectNulls: true,
        symbolSize: 6,
        ...(index === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#b7282e', type: 'dashed' },
                label: {
                  formatter: t('forecasting.accuracy.target', { target: format.percent(AGREEMENT_TARGET) }),
                  position: 'insideEndTop',
                },
                data: [{ yAxis: AGREEMENT_TARGET }],
              },
            }
          : {}),
      })),
    };
  }, [data, format, t]);
  return (
    <div data-testid="accuracy-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 360 }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
