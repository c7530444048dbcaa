import { useSession } from '../auth/use-session';
import { canOf } from '../auth/permissions';

/** What the signed-in user may do on the forecasting screens (reading them is guarded by the shell). */
export interface ForecastingAccess {
  canRun: boolean;
  canApprove: boolean;
}

export function useForecastingAccess(): ForecastingAccess {
  const state = useSession();
  // Without a session in the SPA (a token supplied another way), offer every action: the API's 403 explains
  // a refusal (see run-errors.ts).
  if (state.status !== 'signed-in') return { canRun: true, canApprove: true };
  const can = canOf(state.user);
  return { canRun: can('forecasting:run'), canApprove: can('forecasting:approve') };
}
