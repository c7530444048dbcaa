import { Empty, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/components/ErrorState';
import { readInt } from '../../../shared/list-params';
import { useManufacturerOptions } from '../../reference/manufacturers/use-manufacturer-options';
import { CreateButton } from '../../auth/CreateButton';
import { ListPage } from '../../../shared/list/ListPage';
import { useListParams } from '../../../shared/list/use-list-params';
import { ApiKeyList } from './ApiKeyList';
import type { CreatedApiKey } from './api-keys.api';
import { CreatedKeyModal } from './CreatedKeyModal';
import { CreateKeyModal } from './CreateKeyModal';

/**
 * `/admin/api-keys?manufacturer=3`: a manufacturer's API keys. Rotation without downtime: create a new key,
 * switch the manufacturer's system to it, then revoke the old one.
 */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { params, set } = useListParams();
  const manufacturers = useManufacturerOptions();
  const items = manufacturers.query.data?.items;
  const manufacturerId = readInt(params, 'manufacturer') ?? items?.find((item) => item.active)?.id;
  const manufacturer = items?.find((item) => item.id === manufacturerId);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  return (
    <>
      <ListPage
        title={t('apiKeys.title')}
        subtitle={t('apiKeys.subtitle')}
        actions={
          <CreateButton
            label={t('apiKeys.create')}
            disabled={manufacturerId === undefined}
            onClick={() => setCreating(true)}
            data-testid="api-key-create"
          />
        }
        filters={
          <>
            <Typography.Text>{t('apiKeys.manufacturer')}</Typography.Text>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 280 }}
              loading={manufacturers.query.isPending}
              value={manufacturerId}
              placeholder={t('apiKeys.chooseManufacturer')}
              options={manufacturers.options}
              onChange={(value: number) => set({ manufacturer: value })}
              data-testid="api-key-manufacturer"
            />
          </>
        }
      >
        {manufacturers.query.isError ? (
          <ErrorState error={manufacturers.query.error} onRetry={() => void manufacturers.query.refetch()} />
        ) : manufacturerId === undefined ? (
          manufacturers.query.isPending ? (
            <Skeleton active />
          ) : (
            <Empty description={t('apiKeys.noManufacturer')} />
          )
        ) : (
          <ApiKeyList manufacturerId={manufacturerId} />
        )}
      </ListPage>
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
