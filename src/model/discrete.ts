/**
 * Draws for the per-person hot loops (population synthesis, new arrivals) from one 32-bit word each:
 * a Bernoulli is a comparison with an integer threshold and a small discrete law is a scan of cumulative
 * integer thresholds (at most a dozen categories). Resolution 2^-32, far finer than any parameter.
 */
import type { RandomStream } from "./engine.ts";

const TWO_32 = 4294967296;
const INV_TWO_32 = 1 / TWO_32;

/** Integer threshold for a Bernoulli(p) drawn as `rng.nextUint32() < threshold`. */
export function bernoulliThreshold(p: number): number {
  if (!(p > 0)) return 0;
  if (p >= 1) return TWO_32;
  return Math.floor(p * TWO_32);
}

/** Guide-table resolution: the top GUIDE_BITS of a draw say where the scan of thresholds starts. */
const GUIDE_BITS = 8;

export class SmallDiscrete {
  private readonly thresholds: Float64Array;
  /** guide[g]: the first category whose threshold exceeds every draw with top bits g (skips the scan's start). */
  private readonly guide: Uint16Array;

  constructor(weights: ArrayLike<number>) {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += Math.max(0, weights[i]);
    if (!(total > 0)) throw new RangeError("SmallDiscrete: weights must not all be zero");
    this.thresholds = new Float64Array(weights.length);
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += Math.max(0, weights[i]);
      this.thresholds[i] = i === weights.length - 1 ? TWO_32 : Math.floor((acc / total) * TWO_32);
    }
    // The smallest draw with top bits g is g << (32 - GUIDE_BITS); no category before guide[g] can hold it.
    this.guide = new Uint16Array(1 << GUIDE_BITS);
    let i = 0;
    for (let g = 0; g < this.guide.length; g++) {
      const lowest = g * 2 ** (32 - GUIDE_BITS);
      while (lowest >= this.thresholds[i]) i++;
      this.guide[g] = i;
    }
  }

  /** Category of one draw: the first whose threshold exceeds it (same result as scanning from 0). */
  sample(rng: RandomStream): number {
    const u = rng.nextUint32();
    const t = this.thresholds;
    let i = this.guide[u >>> (32 - GUIDE_BITS)];
    while (u >= t[i]) i++;
    return i;
  }
}

/** Uniform integer in [0, n) from one 32-bit word (n a positive integer far below 2^31: the bias is below n / 2^32). */
export function smallInt(rng: RandomStream, n: number): number {
  // Scaling by 2^-32 is exact, so this multiply gives the same value as dividing by 2^32, only cheaper.
  // The product is in [0, n), so truncating with `| 0` is the floor; V8 compiles Math.floor here to a
  // rounding, a conversion and a check that the result fits an int32, on every person synthesised.
  return (rng.nextUint32() * n * INV_TWO_32) | 0;
}
