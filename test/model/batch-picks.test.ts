/** Batched picks draw exactly as one-at-a-time picks: same random numbers, same people, same order. */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/model/engine.ts";
import { PersonStore } from "../../src/model/persons.ts";
import { SwapPool, takeFromUnion } from "../../src/model/pool.ts";
import { Stage } from "../../src/model/stages.ts";

function filledPools(sizes: number[], trackSlots = false): { store: PersonStore; pools: SwapPool[] } {
  const store = new PersonStore(16);
  const pools = sizes.map(() => new SwapPool(store, 16, trackSlots));
  sizes.forEach((n, p) => {
    for (let i = 0; i < n; i++) pools[p].add(store.add(Stage.AT_LARGE, 0, 0, 255, 0, 0));
  });
  return { store, pools };
}

function members(pool: SwapPool): number[] {
  return Array.from({ length: pool.size }, (_, i) => pool.at(i));
}

describe("SwapPool.takeMany", () => {
  it("takes the same members in the same order as repeated take, and leaves the same pool", () => {
    for (const trackSlots of [false, true]) {
      const a = filledPools([500], trackSlots).pools[0];
      const b = filledPools([500], trackSlots).pools[0];
      const ra = RandomStream.create(3, "picks");
      const rb = RandomStream.create(3, "picks");
      const one = Array.from({ length: 120 }, () => a.take(ra));
      const many = Array.from(b.takeMany(rb, 120).subarray(0, 120));
      expect(many).toEqual(one);
      expect(members(b)).toEqual(members(a));
      expect(rb.nextUint32()).toBe(ra.nextUint32());
    }
  });

  it("takes at most the members there are", () => {
    const { pools } = filledPools([5]);
    const taken = pools[0].takeManyInto(RandomStream.create(1, "x"), 9, new Int32Array(9), 0);
    expect(taken).toBe(5);
    expect(pools[0].size).toBe(0);
  });
});

describe("takeFromUnion", () => {
  it("picks as uniform picks over the pools in order, one at a time", () => {
    const sizes = [40, 0, 300, 7, 120];
    const a = filledPools(sizes).pools;
    const b = filledPools(sizes).pools;
    const which = [0, 1, 2, 3, 4];
    const ra = RandomStream.create(5, "union");
    const rb = RandomStream.create(5, "union");
    const one: number[] = [];
    for (let j = 0; j < 500; j++) {
      const total = a.reduce((s, p) => s + p.size, 0);
      if (total === 0) break;
      let r = ra.int(total);
      for (const p of a) {
        if (r < p.size) {
          one.push(p.removeAt(r));
          break;
        }
        r -= p.size;
      }
    }
    const out = new Int32Array(500);
    const n = takeFromUnion(b, which, rb, 500, out, 10);
    expect(n).toBe(467);
    expect(Array.from(out.subarray(10, 10 + n))).toEqual(one);
    expect(b.map(members)).toEqual(a.map(members));
  });
});
