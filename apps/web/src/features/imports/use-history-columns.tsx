import { Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/format/use-format';
import { useVocab } from '../../shared/use-vocab';
import type { ImportJob } from './imports.api';
import { STATE_COLOURS } from './import-state';

const ROW_COUNTS = ['rowsRead', 'rowsInvalid', 'rowsInserted', 'rowsUpdated', 'rowsUnchanged'] as const;

/** The import history's columns; the open import's "view" is disabled. */
export function useHistoryColumns(onOpen: (id: string) => void, selected?: string): ColumnsType<ImportJob> {
  const { t } = useTranslation();
  const { label } = useVocab();
  const format = useFormat();
  return [
    {
      title: t('imports.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 170,
      render: (v: string) => format.dateTime(v),
    },
    {
      title: t('imports.createdBy'),
      dataIndex: 'createdBy',
      key: 'createdBy',
      width: 150,
      ellipsis: true,
      render: (by: string | null) => by ?? '—',
    },
    {
      title: t('imports.fileName'),
      dataIndex: 'fileName',
      key: 'fileName',
      ellipsis: true,
      render: (name: string, row) => (
        <Space>
          {name}
          {row.dryRun && <Tag color="purple">{t('imports.dryRunTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('imports.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 110,
      render: (v: string) => label('importKind', v),
    },
    {
      title: t('imports.state'),
      dataIndex: 'state',
      key: 'state',
      width: 100,
      render: (state: ImportJob['state']) => (
        <Tag color={STATE_COLOURS[state]}>{label('importState', state)}</Tag>
      ),
    },
    ...ROW_COUNTS.map((key) => ({
      title: t(`imports.${key.slice(4).toLowerCase()}`),
      dataIndex: key,
      key,
      width: 90,
      align: 'right' as const,
      render: (v: number) => format.number(v),
    })),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, row) => (
        <Button type="link" size="small" disabled={row.id === selected} onClick={() => onOpen(row.id)}>
          {t('imports.view')}
        </Button>
      ),
    },
  ];
}
