import { useState } from 'react';

/** Which record a create/edit dialog is about, from {@link useFormDialog}. */
export interface FormDialog<R, C = undefined> {
  open: boolean;
  /** The record being edited; undefined when a new one is being created. */
  record: R | undefined;
  /** What a new record starts from (a district's parent, say). */
  context: C | undefined;
  openCreate: (context?: C) => void;
  openEdit: (record: R) => void;
  close: () => void;
}

interface DialogState<R, C> {
  open: boolean;
  record?: R;
  context?: C;
}

export function useFormDialog<R, C = undefined>(): FormDialog<R, C> {
  const [state, setState] = useState<DialogState<R, C>>({ open: false });
  return {
    open: state.open,
    record: state.record,
    context: state.context,
    openCreate: (context) => setState({ open: true, context }),
    openEdit: (record) => setState({ open: true, record }),
    // The record stays while the dialog fades out, so its title and fields do not change as it goes.
    close: () => setState((current) => ({ ...current, open: false })),
  };
}
