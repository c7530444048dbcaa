import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/use-format';
import { FestivalProfilePanel } from './FestivalProfilePanel';
import { RunActions } from './RunActions';
import { ParametersCell, ProgressCell, StateCell, TwoLines } from './RunCells';
import { formatDuration, type ForecastRun } from './run-progress';

/** The runs table's columns, newest run first as the API sends them. */
export function useRunColumns(): ColumnsType<ForecastRun> {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return [
    {
      title: t('forecasting.runs.month'),
      key: 'month',
      width: 130,
      render: (_, run) => (
        <TwoLines
          main={format.month(run.month)}
          sub={t('forecasting.runs.version', { version: run.version })}
        />
      ),
    },
    {
      title: t('forecasting.runs.state'),
      key: 'state',
      width: 150,
      render: (_, run) => <StateCell run={run} />,
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
      render: (_, run) => <ParametersCell run={run} />,
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
      render: (_, run) => <TwoLines main={run.startedBy} sub={format.dateTime(run.createdAt)} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, run) => <RunActions run={run} />,
    },
  ];
}

/** Each run opens onto its Spring Festival profile. */
export function useFestivalExpansion(): TableProps<ForecastRun>['expandable'] {
  const { t } = useTranslation();
  return {
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
  };
}
