import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, toFormFieldErrors, type FieldError } from '../api/api-error';

/** Why the last save of a record's form failed, apart from what went under its fields. */
export interface SaveProblems {
  /** Someone else saved the record since the form opened. */
  stale: boolean;
  /** A failure that names no field, with the request id to quote to support. */
  failure: string | null;
  /** Field errors for fields the form does not show. */
  otherFields: FieldError[];
}

const NONE: SaveProblems = { stale: false, failure: null, otherFields: [] };

/**
 * The problems of a record's save: the API's field errors go under their fields in `form`, a stale version
 * and everything else into {@link SaveProblems} for {@link SaveProblemAlerts} to show.
 */
export function useSaveProblems<F extends string>(form: FormInstance, fields: readonly F[]) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<SaveProblems>(NONE);

  const report = (error: unknown) => {
    if (!isApiError(error)) return setProblems({ ...NONE, failure: String(error) });
    if (error.isStaleVersion) return setProblems({ ...NONE, stale: true });
    const { fields: mapped, other } = toFormFieldErrors(error, fields);
    if (mapped.length > 0) form.setFields(mapped);
    const id = error.requestId ? ` (${t('common.requestId')}: ${error.requestId})` : '';
    const named = mapped.length > 0 || other.length > 0;
    setProblems({ stale: false, otherFields: other, failure: named ? null : `${error.message}${id}` });
  };

  return { problems, report, clear: () => setProblems(NONE) };
}
