import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toTreeOptions } from './district-tree';
import { useDistrictTree } from './districts.api';

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
  const tree = useDistrictTree();
  const options = useMemo(() => (tree.data ? toTreeOptions(tree.data) : []), [tree.data]);
  const current = value ?? undefined;
  // Without the tree, still show the current district by name (and let the user clear it).
  const fallback =
    !tree.data && current !== undefined
      ? [{ value: current, title: fallbackLabel ?? `#${current}`, label: '' }]
      : [];
  return (
    <TreeSelect
      allowClear
      showSearch
      treeNodeFilterProp="label"
      treeNodeLabelProp="title"
      treeDefaultExpandAll={options.length < 50}
      loading={tree.isPending}
      status={tree.isError ? 'warning' : undefined}
      placeholder={
        tree.isError
          ? t('customers.districtUnavailable')
          : (placeholder ?? t('customers.districtPlaceholder'))
      }
      value={current}
      treeData={tree.data ? options : fallback}
      onChange={(next: number | undefined) => onChange?.(next ?? undefined)}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid="district-select"
    />
  );
}
