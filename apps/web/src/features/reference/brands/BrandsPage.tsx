import { useTranslation } from 'react-i18next';
import { RecordFormDialog } from '../../../shared/form-dialog/RecordFormDialog';
import { saveRequest } from '../../../shared/form-dialog/save-request';
import { useFormDialog } from '../../../shared/form-dialog/use-form-dialog';
import { CreateButton } from '../../auth/CreateButton';
import { ListPage } from '../../../shared/list/ListPage';
import { ListTable } from '../../../shared/list/ListTable';
import { sortChange } from '../../../shared/list/paging';
import { useListParams } from '../../../shared/list/use-list-params';
import { useManufacturerOptions } from '../manufacturers/use-manufacturer-options';
import { useReferenceList } from '../reference-list';
import { BRAND_SORT_FIELDS, readBrandFilters } from './brand-query';
import { BrandFields, BRAND_FIELDS } from './BrandFields';
import { BrandFilterBar } from './BrandFilterBar';
import { useBrands, useSaveBrand, type Brand, type BrandInput } from './brands.api';
import { useBrandColumns } from './use-brand-columns';

export function BrandsPage() {
  const { t } = useTranslation();
  const { params, page, pageSize, set, setPage } = useListParams();
  const filters = readBrandFilters(params);
  const list = useBrands({ page, pageSize, ...filters });
  const manufacturers = useManufacturerOptions();
  const save = useSaveBrand();
  const dialog = useFormDialog<Brand>();
  const reference = useReferenceList(t('brands.entity'));
  const columns = useBrandColumns({
    filters,
    manufacturerName: manufacturers.nameOf,
    onEdit: reference.mayWrite ? dialog.openEdit : undefined,
  });

  return (
    <>
      <ListPage
        title={t('brands.title')}
        subtitle={t('brands.subtitle')}
        actions={<CreateButton permission="reference:write" onClick={() => dialog.openCreate()} />}
        filters={
          <BrandFilterBar
            filters={filters}
            manufacturers={{ options: manufacturers.options, loading: manufacturers.query.isPending }}
            onChange={set}
          />
        }
      >
        <ListTable<Brand>
          query={list}
          columns={columns}
          emptyText={reference.emptyText}
          onPageChange={setPage}
          onSort={(sorter) => set(sortChange(sorter, BRAND_SORT_FIELDS))}
          scroll={{ x: 1100 }}
        />
      </ListPage>
      <RecordFormDialog<BrandInput, Brand>
        dialog={dialog}
        titles={reference.titles}
        fields={BRAND_FIELDS}
        width={720}
        valuesOf={(record) => record ?? { status: 'new', scarce: false, packType: 'hard' }}
        onReload={() => list.refetch()}
        onSubmit={(values, record) => save.mutateAsync(saveRequest(values, record))}
      >
        {() => <BrandFields manufacturerOptions={manufacturers.options} />}
      </RecordFormDialog>
    </>
  );
}
