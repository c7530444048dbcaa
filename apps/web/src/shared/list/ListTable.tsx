import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Skeleton, Table } from 'antd';
import type { TableProps } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { LIST_PAGE_SIZES } from '../list-params';

/** One page of a list endpoint's answer. */
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListTableProps<T> extends Omit<
  TableProps<T>,
  'dataSource' | 'locale' | 'pagination' | 'onChange'
> {
  query: UseQueryResult<PageOf<T>>;
  emptyText: string;
  onPageChange: (page: number, pageSize: number) => void;
  /** For sortable columns: the header that was clicked. */
  onSort?: (sorter: SorterResult<T> | SorterResult<T>[]) => void;
  skeletonRows?: number;
  /** Whether the user may pick another page size (not where the API takes only one). */
  sizeChanger?: boolean;
}

/** A page of a list endpoint: a skeleton while the first page loads, the error with a retry, then the table and its pager. */
export function ListTable<T extends object>({
  query,
  emptyText,
  onPageChange,
  onSort,
  skeletonRows = 6,
  sizeChanger = true,
  loading,
  ...table
}: ListTableProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Skeleton active paragraph={{ rows: skeletonRows }} />;
  // A failed refetch keeps the rows already shown: only a list that never loaded gives way to the error.
  if (query.isError && !query.data)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      {/* A failed refetch (a poll, say) says so above the rows it keeps. */}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />}
      <Table<T>
        rowKey="id"
        size="middle"
        {...table}
        dataSource={query.data.items}
        // A list that polls passes `false`: a spinner every few seconds would hide the progress it shows.
        loading={loading ?? query.isFetching}
        onChange={(_pagination, _filters, sorter, extra) => {
          // The pager reports through `pagination.onChange`; only header clicks are handled here.
          if (extra.action === 'sort') onSort?.(sorter);
        }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        pagination={{
          current: query.data.page,
          pageSize: query.data.pageSize,
          total: query.data.total,
          showSizeChanger: sizeChanger,
          pageSizeOptions: sizeChanger ? LIST_PAGE_SIZES.map(String) : undefined,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: onPageChange,
        }}
      />
    </>
  );
}
