import type { TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toTreeOptions } from './district-tree';
import { useDistrictTree } from './districts.api';

/**
 * What every district picker shares: the cached tree, searched by name or code, and a warning in place of the
 * placeholder when the tree cannot be loaded.
 */
export function useDistrictPicker(placeholder: string | undefined) {
  const { t } = useTranslation();
  const tree = useDistrictTree();
  const options = useMemo(() => (tree.data ? toTreeOptions(tree.data) : []), [tree.data]);
  const props = {
    allowClear: true,
    showSearch: true,
    treeNodeFilterProp: 'label',
    treeNodeLabelProp: 'title',
    treeDefaultExpandAll: options.length < 50,
    loading: tree.isPending,
    status: tree.isError ? 'warning' : undefined,
    placeholder: tree.isError ? t('customers.districtUnavailable') : placeholder,
    style: { width: '100%' },
  } satisfies TreeSelectProps;
  return { tree, options, props };
}
