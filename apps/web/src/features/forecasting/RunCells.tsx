import { CheckCircleOutlined } from '@ant-design/icons';
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/use-format';
import { formatDuration, isScoped, runProgress, type ForecastRun, type RunState } from './run-progress';

export const STATE_COLOURS: Record<RunState, string> = {
  queued: 'default',
  running: 'processing',
  completed: 'success',
  failed: 'error',
  cancelled: 'warning',
};

/** The share of chunks done, and while the run works its speed and the time left. */
export function ProgressCell({ run }: { run: ForecastRun }) {
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

/** The run's state (its error on hover) and whether it is the published forecast. */
export function StateCell({ run }: { run: ForecastRun }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={STATE_COLOURS[run.state]} data-testid="run-state">
      {t(`forecasting.state.${run.state}`)}
    </Tag>
  );
  return (
    <Space size={4} wrap>
      {run.error ? (
        <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{run.error}</span>}>{tag}</Tooltip>
      ) : (
        tag
      )}
      {run.published && (
        <Tag color="gold" icon={<CheckCircleOutlined />} data-testid="run-published">
          {t('forecasting.runs.published')}
        </Tag>
      )}
    </Space>
  );
}

/** Method, horizon, holiday treatment and which part of the market the run covers. */
export function ParametersCell({ run }: { run: ForecastRun }) {
  const { t } = useTranslation();
  const scope = isScoped(run)
    ? [
        run.districtIds.length ? t('forecasting.runs.districtCount', { count: run.districtIds.length }) : '',
        run.brandIds.length ? t('forecasting.runs.brandCount', { count: run.brandIds.length }) : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : t('forecasting.runs.wholeMarket');
  return (
    <Space orientation="vertical" size={0} style={{ fontSize: 12 }}>
      <span>
        {t(`forecasting.methods.${run.method}`, { defaultValue: run.method })} ·{' '}
        {t('forecasting.runs.horizon', { count: run.horizon })}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`forecasting.holidays.${run.holidays}`, { defaultValue: run.holidays })} · {scope}
      </Typography.Text>
    </Space>
  );
}

/** A main line with a smaller grey one under it. */
export function TwoLines({ main, sub }: { main: ReactNode; sub: ReactNode }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{main}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {sub}
      </Typography.Text>
    </Space>
  );
}
