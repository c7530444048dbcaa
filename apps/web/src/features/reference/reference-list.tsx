import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/use-session';

/** The texts and rights every reference list shares, for one kind of record (`entity`: "brand"). */
export function useReferenceList(entity: string) {
  const { t } = useTranslation();
  return {
    mayWrite: useCan()('reference:write'),
    titles: { create: t('reference.createTitle', { entity }), edit: t('reference.editTitle', { entity }) },
    emptyText: t('reference.empty', { entity }),
    searchPlaceholder: t('reference.searchPlaceholder'),
    activeColumn: <T extends { active: boolean }>(width: number): ColumnType<T> => ({
      title: t('reference.active'),
      dataIndex: 'active',
      key: 'active',
      width,
      render: (active: boolean) => (
        <Tag color={active ? 'success' : 'default'}>{active ? t('common.active') : t('common.inactive')}</Tag>
      ),
    }),
  };
}
