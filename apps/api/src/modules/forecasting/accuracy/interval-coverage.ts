/** Share of actuals inside their 80 % and 95 % prediction intervals: calibrated intervals cover about that. */
export class IntervalCoverage {
  private inside80 = 0;
  private inside95 = 0;
  private count = 0;

  add(actual: number, lo80: number, hi80: number, lo95: number, hi95: number): void {
    this.count++;
    if (actual >= lo80 && actual <= hi80) this.inside80++;
    if (actual >= lo95 && actual <= hi95) this.inside95++;
  }

  /** Null before anything was added. */
  shares(): { coverage80: number; coverage95: number; count: number } | null {
    if (this.count === 0) return null;
    return {
      coverage80: this.inside80 / this.count,
      coverage95: this.inside95 / this.count,
      count: this.count,
    };
  }
}
