import { CheckCircleOutlined, LineChartOutlined, StopOutlined, TrophyOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../shared/format/use-format';
import { useForecastingAccess } from './access';
import { useRunAction, type RunAction } from './forecasting.api';
import { canApprove, canCancel, isScoped, type ForecastRun } from './run-progress';
import { runErrorMessage } from './run-errors';

/** Cancels, approves or scores a run, and says how it went. */
function useAct() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const action = useRunAction();
  return async (kind: RunAction, run: ForecastRun) => {
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
}

/** What the user may do with a run: cancel it while it works; approve, score or chart it once completed. */
export function RunActions({ run }: { run: ForecastRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const access = useForecastingAccess();
  const act = useAct();
  const completed = run.state === 'completed';
  return (
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
      {completed && !run.published && access.canApprove && (
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
      {completed && access.canRun && (
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
      {completed && (
        <Link to={`/forecasting/chart?run=${run.id}`} data-testid="run-chart">
          <Button type="link" size="small" icon={<LineChartOutlined />}>
            {t('forecasting.runs.chart')}
          </Button>
        </Link>
      )}
    </Space>
  );
}
