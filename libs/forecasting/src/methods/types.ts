/** What every method returns: the forecast and, when asked, its in-sample multi-step forecasts. */
export interface MethodFit {
  /** Short description of the fitted model, e.g. `ets(M,Ad,M)`. */
  label: string;
  /** Point forecasts for h = 1..H after the last observation. */
  mean: Float64Array;
  /**
   * In-sample forecasts with the parameters fixed at the final fit, from each origin o in
   * [backStart, n): row (o - backStart) holds the forecasts of y[o], ..., y[o + H - 1] made with y[0..o).
   * Used for empirical prediction intervals and for choosing between methods. Null when not asked.
   */
  back: Float64Array | null;
  backStart: number;
  /** Number of estimated parameters (smoothing parameters and initial states). */
  params: number;
  /** AICc when the method has a likelihood (ETS only). */
  aicc?: number;
}

export interface FitContext {
  /** Seasonal period (12 for monthly data). */
  m: number;
  /** Forecast horizon. */
  H: number;
  /** Whether in-sample multi-step forecasts (`back`) are needed. */
  wantBack: boolean;
}

/** First origin used for in-sample forecasts: early states are too unsettled to be representative. */
export function defaultBackStart(n: number, m: number): number {
  return Math.max(1, Math.min(n - 1, m));
}

export function allocBack(n: number, backStart: number, ctx: FitContext): Float64Array | null {
  return ctx.wantBack && n > backStart ? new Float64Array((n - backStart) * ctx.H) : null;
}
