import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const PAGES = ['runs', 'chart', 'accuracy'] as const;

/** Switches between the three forecasting screens (one menu entry leads here). */
export function ForecastingTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = PAGES.find((page) => pathname.startsWith(`/forecasting/${page}`)) ?? 'runs';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate(`/forecasting/${key}`)}
      items={PAGES.map((page) => ({ key: page, label: t(`forecasting.tabs.${page}`) }))}
      style={{ marginBottom: 8 }}
      data-testid="forecasting-tabs"
    />
  );
}
