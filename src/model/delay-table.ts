/**
 * Lognormal delays with mean 1 and a given coefficient of variation, as a table of 4096 quantiles
 * (midpoints of equal-probability bins): a draw is one 32-bit word and a lookup, multiplied by the mean.
 * Delays are rounded to whole days afterwards, so the discretisation is far below their resolution.
 */
import type { RandomStream } from "./engine.ts";

const BITS = 12;
const SIZE = 1 << BITS;

/** Inverse of the standard normal distribution function (Acklam's rational approximation, |error| < 1.2e-9). */
export function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

export class DelayTable {
  private readonly factors = new Float64Array(SIZE);

  constructor(cv: number) {
    const sigma2 = Math.log1p(cv * cv);
    const sigma = Math.sqrt(sigma2);
    let sum = 0;
    for (let i = 0; i < SIZE; i++) {
      this.factors[i] = Math.exp(-0.5 * sigma2 + sigma * inverseNormal((i + 0.5) / SIZE));
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
