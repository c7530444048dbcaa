import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toTreeOptions } from '../reference/districts/district-tree';
import { useDistrictTree } from '../reference/districts/districts.api';

/** Several districts from the hierarchy; a checked parent stands for everything below it. */
export function DistrictMultiSelect({
  value,
  onChange,
}: {
  value?: number[];
  onChange?: (value: number[]) => void;
}) {
  const { t } = useTranslation();
  const tree = useDistrictTree();
  const options = useMemo(() => (tree.data ? toTreeOptions(tree.data) : []), [tree.data]);
  return (
    <TreeSelect
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      allowClear
      showSearch
      treeNodeFilterProp="label"
      treeNodeLabelProp="title"
      loading={tree.isPending}
      status={tree.isError ? 'warning' : undefined}
      placeholder={tree.isError ? t('customers.districtUnavailable') : t('forecasting.start.wholeMarket')}
      value={value}
      treeData={options}
      onChange={(next: number[]) => onChange?.(next ?? [])}
      maxTagCount="responsive"
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid="start-districts"
    />
  );
}
