import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/use-format';
import { festivalProfileView, formatYears, weekLabel } from './festival-profile';
import { FestivalProfileChart } from './FestivalProfileChart';
import type { ForecastRun } from './run-progress';

/** The Spring Festival profile a run forecast with, or why it had none; shown under the run's row. */
export function FestivalProfilePanel({ run }: { run: ForecastRun }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const view = festivalProfileView(run);
  return (
    <div data-testid="festival-profile" style={{ maxWidth: 720, padding: '4px 8px' }}>
      <Typography.Text strong>{t('forecasting.festival.title')}</Typography.Text>
      {view.kind === 'profile' ? (
        <>
          <FestivalProfileChart chart={view.chart} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('forecasting.festival.learntFrom', { years: formatYears(view.chart.years, i18n.language) })}{' '}
            {t('forecasting.festival.peak', {
              week: weekLabel(view.chart.peak.week),
              factor: format.number(view.chart.peak.factor, 2),
            })}
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t(`forecasting.festival.${view.kind}`)}
        </Typography.Paragraph>
      )}
    </div>
  );
}
