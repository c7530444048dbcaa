import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The row actions column, or no column at all for a user who may take none of the actions (an action the
 * user may not take is hidden, not disabled).
 */
export function useActionsColumn() {
  const { t } = useTranslation();
  return <T,>(width: number, render: (row: T) => ReactNode, visible = true): ColumnsType<T> =>
    visible
      ? [{ title: t('common.actions'), key: 'actions', width, render: (_: unknown, row: T) => render(row) }]
      : [];
}
