/** Histogram of whole-day waits (0 .. 20 years, the rest in the last bin): mean and quantiles, O(1) add. */
const BINS = 7306;

export class WaitHistogram {
  private readonly counts = new Float64Array(BINS);
  n = 0;
  sum = 0;

  add(days: number): void {
    const d = Math.max(days, 0);
    this.counts[Math.min(d, BINS - 1)]++;
    this.n++;
    this.sum += d;
  }

  mean(): number {
    return this.n === 0 ? 0 : this.sum / this.n;
  }

  quantile(q: number): number {
    if (this.n === 0) return 0;
    const target = q * this.n;
    let acc = 0;
    for (let i = 0; i < BINS; i++) {
      acc += this.counts[i];
      if (acc >= target) return i;
    }
    return BINS - 1;
  }
}
