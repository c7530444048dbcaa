import { App, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/components/ErrorState';
import { useFormat } from '../../../shared/format/use-format';
import { errorText } from '../../../shared/error-text';
import { ConfirmButton } from '../../../shared/list/ConfirmButton';
import { apiKeyState, useApiKeys, useRevokeApiKey, type ApiKey, type ApiKeyState } from './api-keys.api';

const STATE_COLORS: Record<ApiKeyState, string> = {
  active: 'success',
  revoked: 'default',
  expired: 'warning',
};

/** A manufacturer's keys, revoked and expired ones included. */
export function ApiKeyList({ manufacturerId }: { manufacturerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const list = useApiKeys(manufacturerId);
  const revoke = useRevokeApiKey(manufacturerId);

  const columns: ColumnsType<ApiKey> = [
    { title: t('apiKeys.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('apiKeys.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      width: 160,
      render: (prefix: string) => <Typography.Text code>{prefix}</Typography.Text>,
    },
    {
      title: t('apiKeys.state'),
      key: 'state',
      width: 110,
      render: (_, key) => {
        const state = apiKeyState(key);
        return <Tag color={STATE_COLORS[state]}>{t(`apiKeys.states.${state}`)}</Tag>;
      },
    },
    {
      title: t('apiKeys.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      width: 150,
      render: (value: string) => format.dateTime(value),
    },
    {
      title: t('apiKeys.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      width: 150,
      render: (value: string | null) => (value ? format.dateTime(value) : t('apiKeys.neverUsed')),
    },
    {
      title: t('apiKeys.revokedAt'),
      dataIndex: 'revokedAt',
      key: 'revokedAt',
      width: 150,
      render: (value: string | null) => (value ? format.dateTime(value) : '—'),
    },
    {
      title: t('apiKeys.createdBy'),
      key: 'created',
      width: 190,
      render: (_, key) => `${key.createdBy} · ${format.date(key.createdAt)}`,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, key) =>
        key.revokedAt ? null : (
          <ConfirmButton
            label={t('apiKeys.revoke')}
            title={t('apiKeys.revokeConfirm', { name: key.name })}
            description={t('apiKeys.revokeHint')}
            okText={t('apiKeys.revoke')}
            okDanger
            onConfirm={async () => {
              try {
                await revoke.mutateAsync(key.id);
                void message.success(t('apiKeys.revoked'));
              } catch (error) {
                void message.error(errorText(error));
              }
            }}
            data-testid={`api-key-revoke-${key.prefix}`}
          />
        ),
    },
  ];

  if (list.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<ApiKey>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data}
      loading={list.isFetching}
      scroll={{ x: 1100 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('apiKeys.empty')} /> }}
      data-testid="api-keys-table"
    />
  );
}
