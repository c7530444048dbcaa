import { EntityFormModal, type EntityFormModalProps } from '../components/EntityFormModal';
import type { FormDialog } from './use-form-dialog';

export interface RecordFormDialogProps<V extends object, R, C> extends Omit<
  EntityFormModalProps<V>,
  'title' | 'open' | 'onClose' | 'initialValues' | 'onSubmit'
> {
  dialog: FormDialog<R, C>;
  titles: { create: string; edit: string };
  /** The values the form starts from: a new record's defaults, or the edited record's values. */
  valuesOf: (record: R | undefined) => Partial<V>;
  onSubmit: (values: V, record: R | undefined) => Promise<unknown>;
}

/** The create/edit form of one kind of record, opened through {@link FormDialog}. */
export function RecordFormDialog<V extends object, R, C = undefined>({
  dialog,
  titles,
  valuesOf,
  onSubmit,
  ...modal
}: RecordFormDialogProps<V, R, C>) {
  const { record } = dialog;
  return (
    <EntityFormModal<V>
      {...modal}
      title={record === undefined ? titles.create : titles.edit}
      open={dialog.open}
      onClose={dialog.close}
      initialValues={valuesOf(record)}
      onSubmit={(values) => onSubmit(values, record)}
    />
  );
}
