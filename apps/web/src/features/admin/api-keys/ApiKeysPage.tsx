import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError, toFormFieldErrors } from '../../../shared/api/api-error';
import { ErrorState } from '../../../shared/components/ErrorState';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useFormat } from '../../../shared/format/use-format';
import { readInt, updateParams } from '../../../shared/list-params';
import { useAllManufacturers } from '../../reference/manufacturers/manufacturers.api';
import {
  apiKeyState,
  useApiKeys,
  useCreateApiKey,
  useRevokeApiKey,
  type ApiKey,
  type ApiKeyInput,
  type ApiKeyState,
  type CreatedApiKey,
} from './api-keys.api';
import { CreatedKeyModal } from './CreatedKeyModal';

const STATE_COLORS: Record<ApiKeyState, string> = {
  active: 'success',
  revoked: 'default',
  expired: 'warning',
};

/**
 * `/admin/api-keys?manufacturer=3`: a manufacturer's API keys. Rotation without downtime: create a new key,
 * switch the manufacturer's system to it, then revoke the old one.
 */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const manufacturers = useAllManufacturers();
  const chosen = readInt(params, 'manufacturer');
  const manufacturerId = chosen ?? manufacturers.data?.items.find((item) => item.active)?.id;
  const manufacturer = manufacturers.data?.items.find((item) => item.id === manufacturerId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        subtitle={t('apiKeys.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={manufacturerId === undefined}
            onClick={() => setCreating(true)}
            data-testid="api-key-create"
          >
            {t('apiKeys.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('apiKeys.manufacturer')}</Typography.Text>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 280 }}
            loading={manufacturers.isPending}
            value={manufacturerId}
            placeholder={t('apiKeys.chooseManufacturer')}
            options={(manufacturers.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.name}（${item.code}）`,
            }))}
            onChange={(value: number) => setParams(updateParams(params, { manufacturer: value }))}
            data-testid="api-key-manufacturer"
          />
        </Flex>
        {manufacturers.isError ? (
          <ErrorState error={manufacturers.error} onRetry={() => void manufacturers.refetch()} />
        ) : manufacturerId === undefined ? (
          manufacturers.isPending ? (
            <Skeleton active />
          ) : (
            <Empty description={t('apiKeys.noManufacturer')} />
          )
        ) : (
          <KeyList manufacturerId={manufacturerId} />
        )}
      </Card>
      {manufacturerId !== undefined && (
        <CreateKeyModal
          open={creating}
          manufacturerId={manufacturerId}
          manufacturerName={manufacturer?.name ?? ''}
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
          }}
        />
      )}
      <CreatedKeyModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}

function KeyList({ manufacturerId }: { manufacturerId: number }) {
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
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: key.name })}
            description={t('apiKeys.revokeHint')}
            okText={t('apiKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={async () => {
              try {
                await revoke.mutateAsync(key.id);
                void message.success(t('apiKeys.revoked'));
              } catch (error) {
                void message.error(isApiError(error) ? error.message : String(error));
              }
            }}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<StopOutlined />}
              data-testid={`api-key-revoke-${key.prefix}`}
            >
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
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

function CreateKeyModal({
  open,
  manufacturerId,
  manufacturerName,
  onClose,
  onCreated,
}: {
  open: boolean;
  manufacturerId: number;
  manufacturerName: string;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApiKeyInput>();
  const create = useCreateApiKey(manufacturerId);
  const [failure, setFailure] = useState<string | null>(null);

  // A fresh form each time it opens (before the user types, unlike after the opening animation).
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
  }, [open, form]);

  const submit = async (values: ApiKeyInput) => {
    setFailure(null);
    try {
      onCreated(await create.mutateAsync({ name: values.name.trim(), expiresInDays: values.expiresInDays }));
      // The mutation's cache would keep the whole key: only the window that shows it once may hold it.
      create.reset();
    } catch (error) {
      if (!isApiError(error)) return setFailure(String(error));
      const { fields, other } = toFormFieldErrors(error, ['name', 'expiresInDays'] as const);
      if (fields.length) form.setFields(fields);
      if (!fields.length || other.length) setFailure(error.message);
    }
  };

  return (
    <Modal
      open={open}
      title={t('apiKeys.createTitle', { name: manufacturerName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('apiKeys.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="api-key-form"
    >
      {failure && <Typography.Paragraph type="danger">{failure}</Typography.Paragraph>}
      <Form<ApiKeyInput>
        form={form}
        layout="vertical"
        initialValues={{ expiresInDays: 365 }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          extra={t('apiKeys.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('apiKeys.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="api-key-name" />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('apiKeys.expiresInDays')}
          rules={[{ required: true, message: t('apiKeys.expiresInDaysRequired') }]}
        >
          <InputNumber min={1} max={730} precision={0} style={{ width: 160 }} suffix={t('apiKeys.days')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
