import { describe, expect, it } from "vitest";
import { SmallDiscrete, smallInt } from "../../src/model/discrete.ts";
import { RandomStream } from "../../src/model/engine.ts";

const TWO_32 = 4294967296;

/** A stream that returns the given 32-bit words in turn. */
function words(values: number[]): RandomStream {
  let i = 0;
  return { nextUint32: () => values[i++ % values.length] } as unknown as RandomStream;
}

/** The category a draw falls in, by scanning the cumulative thresholds from the first. */
function scan(weights: number[], u: number): number {
  const total = weights.reduce((a, w) => a + Math.max(0, w), 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += Math.max(0, weights[i]);
    const t = i === weights.length - 1 ? TWO_32 : Math.floor((acc / total) * TWO_32);
    if (u < t) return i;
  }
  return weights.length - 1;
}

describe("SmallDiscrete", () => {
  const cases = [
    [1],
    [0.5, 0.5],
    [0, 3, 0, 1],
    [1e-9, 0.3, 0.2, 1e-9, 0.49999, 0, 0, 0.00001],
    [5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e-12],
  ];
  it("gives the category of a scan from the first threshold, at and around every boundary", () => {
    for (const w of cases) {
      const probes = [0, 1, TWO_32 - 1];
      let acc = 0;
      const total = w.reduce((a, x) => a + x, 0);
      for (const x of w) {
        acc += x;
        const t = Math.floor((acc / total) * TWO_32);
        for (const d of [-1, 0, 1]) if (t + d >= 0 && t + d < TWO_32) probes.push(t + d);
      }
      for (let g = 0; g < 256; g++) probes.push(g * 2 ** 24, g * 2 ** 24 + 2 ** 23);
      const d = new SmallDiscrete(w);
      for (const u of probes) expect(d.sample(words([u])), `weights ${w}, draw ${u}`).toBe(scan(w, u));
    }
  });

  it("never returns a category of zero weight", () => {
    const d = new SmallDiscrete([0, 2, 0, 1, 0]);
    const rng = RandomStream.create(7, "discrete");
    const seen = new Set<number>();
    for (let i = 0; i < 20000; i++) seen.add(d.sample(rng));
    expect([...seen].sort()).toEqual([1, 3]);
  });
});

describe("smallInt", () => {
  it("is the floor of word × n / 2^32, at the extremes of the word and for random words", () => {
    const extremes = [0, 1, 2 ** 31 - 1, 2 ** 31, TWO_32 - 1];
    for (const n of [1, 2, 7, 730, 5479, 1_000_003]) {
      const rng = words(extremes);
      for (const w of extremes) expect(smallInt(rng, n)).toBe(Math.floor((w * n) / TWO_32));
      const a = RandomStream.create(5, "small");
      const b = RandomStream.create(5, "small");
      for (let i = 0; i < 10_000; i++) {
        const k = smallInt(a, n);
        expect(k).toBe(Math.floor((b.nextUint32() * n) / TWO_32));
        expect(k).toBeLessThan(n);
      }
    }
  });
});
