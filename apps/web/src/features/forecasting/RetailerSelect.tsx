import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client';
import { STALE } from '../../shared/query-client';
import { useCustomer } from '../customers/customers.api';

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** A retailer found by shop name, owner, licence number or phone (/api/customers?search=), or by its id. */
export function RetailerSelect({
  value,
  onChange,
}: {
  value?: number;
  onChange: (id: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  const found = useQuery({
    queryKey: ['forecasting', 'retailer-search', term],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/customers', { params: { query: { search: term, pageSize: 20 } }, signal })),
    enabled: term.length > 0,
    staleTime: STALE.list,
  });
  const current = useCustomer(value ?? 0);
  const options = useMemo(() => {
    const list = (found.data?.items ?? []).map((customer) => ({
      value: customer.id,
      label: `${customer.shopName}（${customer.licenceNo}）`,
    }));
    if (value && !list.some((option) => option.value === value)) {
      list.unshift({
        value,
        label: current.data ? `${current.data.shopName}（${current.data.licenceNo}）` : `#${value}`,
      });
    }
    // A bare number is also a retailer id.
    if (/^\d+$/.test(term) && !list.some((option) => option.value === Number(term))) {
      list.push({ value: Number(term), label: t('forecasting.chart.retailerById', { id: term }) });
    }
    return list;
  }, [found.data, value, current.data, term, t]);
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      options={options}
      loading={found.isFetching}
      placeholder={t('forecasting.chart.retailerPlaceholder')}
      notFoundContent={term ? t('common.empty') : t('forecasting.chart.retailerHint')}
      onChange={(id) => {
        setSearch('');
        onChange(id ?? undefined);
      }}
      style={{ width: 320 }}
      data-testid="retailer-select"
    />
  );
}
