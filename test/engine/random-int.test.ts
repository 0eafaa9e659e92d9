import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/engine/index.ts";

/** The textbook rejection sampler `int` must agree with draw for draw (it computes remainders differently). */
function textbookInt(rng: RandomStream, n: number): number {
  const span = 2 ** 32;
  const limit = span - (span % n);
  let x = rng.nextUint32();
  while (x >= limit) x = rng.nextUint32();
  return x % n;
}

describe("RandomStream.int", () => {
  it("gives the same integers as the textbook rejection sampler, for small, large and edge bounds", () => {
    const a = RandomStream.create(11, "int");
    const b = RandomStream.create(11, "int");
    const bounds = RandomStream.create(12, "bounds");
    const edges = [1, 2, 3, 7, 1000, 2 ** 31, 2 ** 31 + 1, 3e9, 2 ** 32 - 1, 2 ** 32];
    for (let i = 0; i < 200_000; i++) {
      const n = i % 2 === 0 ? edges[i % edges.length]! : 1 + bounds.nextUint32();
      expect(a.int(n)).toBe(textbookInt(b, n));
    }
  });
});
