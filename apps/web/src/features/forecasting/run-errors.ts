import type { TFunction } from 'i18next';
import { isApiError } from '../../shared/api/api-error';
import { isScoped, type ForecastRun } from './run-progress';

export type RunErrorAction = 'start' | 'cancel' | 'approve' | 'score';

/**
 * A sentence for a refused run action: a 409 says why in the user's language (the run's state or scope, which
 * the page knows), a 403 names the missing permission, anything else shows the server's message and request id.
 */
export function runErrorMessage(
  t: TFunction,
  action: RunErrorAction,
  error: unknown,
  run?: Pick<ForecastRun, 'state' | 'districtIds' | 'brandIds'>,
): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const id = error.requestId ? ` (${t('common.requestId')}: ${error.requestId})` : '';
  if (error.status === 403) {
    const permission = action === 'approve' ? 'forecasting:approve' : 'forecasting:run';
    return t('forecasting.errors.forbidden', { permission });
  }
  if (error.status === 409) {
    const state = run ? t(`forecasting.state.${run.state}`) : '';
    if (action === 'cancel') return t('forecasting.errors.cancelConflict', { state });
    if (action === 'approve') {
      return run && isScoped(run)
        ? t('forecasting.errors.approveScoped')
        : t('forecasting.errors.approveConflict', { state });
    }
    return `${t('forecasting.errors.conflict')} ${error.message}${id}`;
  }
  if (error.code === 'NETWORK') return t('error.network');
  if (error.status >= 500) return `${t('error.generic')}${id}`;
  const fields = error.fieldErrors.map((field) => `${field.field}: ${field.messages.join('; ')}`).join('\n');
  return `${fields || error.message}${id}`;
}
