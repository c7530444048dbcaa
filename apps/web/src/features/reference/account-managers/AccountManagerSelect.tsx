import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllAccountManagers } from './account-managers.api';

export interface AccountManagerSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  /** What to show for the current value while (or if) the list cannot be loaded. */
  fallbackLabel?: string;
  placeholder?: string;
}

/** An account manager, searchable by name or code. */
export function AccountManagerSelect({
  value,
  onChange,
  fallbackLabel,
  placeholder,
}: AccountManagerSelectProps) {
  const { t } = useTranslation();
  const managers = useAllAccountManagers();
  const current = value ?? undefined;
  const options = managers.data
    ? managers.data.items.map((manager) => ({
        value: manager.id,
        label: `${manager.name}（${manager.code}）`,
        disabled: !manager.active,
      }))
    : current !== undefined
      ? [{ value: current, label: fallbackLabel ?? `#${current}` }]
      : [];
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={managers.isPending}
      status={managers.isError ? 'warning' : undefined}
      placeholder={managers.isError ? t('customers.managerUnavailable') : placeholder}
      value={current}
      options={options}
      onChange={(next: number | undefined) => onChange?.(next ?? undefined)}
      data-testid="account-manager-select"
    />
  );
}
