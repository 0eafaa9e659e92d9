/**
 * Lognormal delays with mean 1 and a given coefficient of variation, as a table of 4096 quantiles
 * (midpoints of equal-probability bins): a draw is one 32-bit word and a lookup, multiplied by the mean.
 * Delays are rounded to whole days afterwards, so the discretisation is far below their resolution.
 */
import { normalQuantile, type RandomStream } from "./engine.ts";

const BITS = 12;
const SIZE = 1 << BITS;

export class DelayTable {
  private readonly factors = new Float64Array(SIZE);

  constructor(cv: number) {
    const sigma2 = Math.log1p(cv * cv);
    const sigma = Math.sqrt(sigma2);
    let sum = 0;
    for (let i = 0; i < SIZE; i++) {
      this.factors[i] = Math.exp(-0.5 * sigma2 + sigma * normalQuantile((i + 0.5) / SIZE));
      sum += this.factors[i];
    }
    // Renormalise so that the table's mean is exactly 1 (the bins' midpoints slightly under-weight the tail).
    for (let i = 0; i < SIZE; i++) this.factors[i] = (this.factors[i] * SIZE) / sum;
  }

  /** A multiplier with mean 1 and the table's cv. */
  draw(rng: RandomStream): number {
    return this.factors[rng.nextUint32() >>> (32 - BITS)];
  }
}
