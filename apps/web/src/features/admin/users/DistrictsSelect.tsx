import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toTreeOptions } from '../../reference/districts/district-tree';
import { useDistrictTree } from '../../reference/districts/districts.api';

/** Several districts from the hierarchy (a district manager's area: each with everything below it). */
export function DistrictsSelect({
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
      multiple
      allowClear
      showSearch
      treeNodeFilterProp="label"
      treeNodeLabelProp="title"
      treeDefaultExpandAll={options.length < 50}
      loading={tree.isPending}
      status={tree.isError ? 'warning' : undefined}
      placeholder={tree.isError ? t('customers.districtUnavailable') : t('users.districtsPlaceholder')}
      value={value ?? []}
      treeData={options}
      onChange={(next: number[]) => onChange?.(next)}
      style={{ width: '100%' }}
      data-testid="user-districts"
    />
  );
}
