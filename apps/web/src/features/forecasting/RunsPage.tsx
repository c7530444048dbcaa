import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../shared/list/ListPage';
import { ListTable } from '../../shared/list/ListTable';
import { useListParams } from '../../shared/list/use-list-params';
import { useForecastingAccess } from './access';
import { ForecastingTabs } from './ForecastingTabs';
import { useForecastRuns } from './forecasting.api';
import { RUN_STATES, type ForecastRun, type RunState } from './run-progress';
import { readRunsFilter } from './selection';
import { StartRunModal } from './StartRunModal';
import { useFestivalExpansion, useRunColumns } from './use-run-columns';

/** `/forecasting/runs`: every forecast run with its progress, by month and state; start, cancel, approve. */
export function RunsPage() {
  const { t } = useTranslation();
  const { params, set, clear } = useListParams();
  const filter = readRunsFilter(params);
  const runs = useForecastRuns(filter);
  const access = useForecastingAccess();
  const columns = useRunColumns();
  const expandable = useFestivalExpansion();
  const [starting, setStarting] = useState(false);
  const filtered = filter.month !== undefined || filter.state !== undefined;

  return (
    <>
      <ListPage
        title={t('forecasting.title')}
        subtitle={t('forecasting.runs.subtitle')}
        actions={
          access.canRun && (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              onClick={() => setStarting(true)}
              data-testid="start-run"
            >
              {t('forecasting.start.open')}
            </Button>
          )
        }
        nav={<ForecastingTabs />}
        filters={
          <>
            <DatePicker
              picker="month"
              placeholder={t('forecasting.runs.filterMonth')}
              value={filter.month ? dayjs(`${filter.month}-01`) : null}
              onChange={(value) => set({ month: value ? value.format('YYYY-MM') : undefined })}
            />
            <Select<RunState>
              allowClear
              placeholder={t('forecasting.runs.filterState')}
              value={filter.state}
              onChange={(state) => set({ state })}
              options={RUN_STATES.map((state) => ({ value: state, label: t(`forecasting.state.${state}`) }))}
              style={{ width: 160 }}
            />
            {filtered && <Button onClick={clear}>{t('common.resetFilters')}</Button>}
          </>
        }
      >
        <ListTable<ForecastRun>
          query={runs}
          columns={columns}
          expandable={expandable}
          emptyText={filtered ? t('forecasting.runs.emptyFiltered') : t('forecasting.runs.empty')}
          onPageChange={(page) => set({ page })}
          // The list polls while a run works; one page size, which the API takes for runs.
          loading={false}
          sizeChanger={false}
          scroll={{ x: 1000 }}
          data-testid="runs-table"
        />
      </ListPage>
      <StartRunModal open={starting} onClose={() => setStarting(false)} />
    </>
  );
}
