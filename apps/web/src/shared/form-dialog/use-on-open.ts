import { useEffect, useEffectEvent } from 'react';

/**
 * Calls `onOpen` when a dialog opens, or opens for another record: `subject` is its `open` flag or the record
 * it is open for (closed when falsy). What `onOpen` reads may change while the dialog is open (a record that
 * refetches behind it, say) without starting it afresh.
 */
export function useOnOpen(subject: unknown, onOpen: () => void): void {
  const opened = useEffectEvent(onOpen);
  useEffect(() => {
    if (subject) opened();
  }, [subject]);
}
