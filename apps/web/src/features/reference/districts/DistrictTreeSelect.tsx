import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDistrictPicker } from './use-district-picker';

export interface DistrictTreeSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  /** What to show for the current value while (or if) the tree cannot be loaded. */
  fallbackLabel?: string;
  placeholder?: string;
}

/** A district from the hierarchy, searchable by name or code. */
export function DistrictTreeSelect({ value, onChange, fallbackLabel, placeholder }: DistrictTreeSelectProps) {
  const { t } = useTranslation();
  const { tree, options, props } = useDistrictPicker(placeholder ?? t('customers.districtPlaceholder'));
  const current = value ?? undefined;
  // Without the tree, still show the current district by name (and let the user clear it).
  const fallback =
    !tree.data && current !== undefined
      ? [{ value: current, title: fallbackLabel ?? `#${current}`, label: '' }]
      : [];
  return (
    <TreeSelect
      {...props}
      value={current}
      treeData={tree.data ? options : fallback}
      onChange={(next: number | undefined) => onChange?.(next ?? undefined)}
      popupMatchSelectWidth={false}
      data-testid="district-select"
    />
  );
}
