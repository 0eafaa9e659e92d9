/** Recent entrants are kept in entry-day cohorts that move to "other" when their oldest members age out. */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/model/engine.ts";
import { Model } from "../../src/model/model.ts";
import { makeStreams } from "../../src/model/simulate.ts";
import {
  COHORT_DAYS,
  cohortOf,
  cohortPool,
  IN_AT_LARGE_POOL,
  POOL_AT_LARGE,
  POOL_RECENT,
  RECENT_COHORTS,
  RECENT_ENTRANT_DAYS,
  Stage,
} from "../../src/model/stages.ts";
import { syntheticScenario } from "../../src/model/synthetic-scenario.ts";

describe("recent-entrant cohorts", () => {
  it("counts as recent only those in the U.S. less than the limit, and ages cohorts out whole", () => {
    const sc = syntheticScenario({ horizonDays: 2000 });
    const m = new Model(sc, sc.params, makeStreams(RandomStream.create(1, "t")), 0, 100);
    const other = POOL_AT_LARGE + 3;
    // Entry day 0 (cohort 0, oldest member entered on day 0) and day 91 (same cohort), day 92 (cohort 1).
    const a = m.store.add(Stage.AT_LARGE, 0, 0, 255, 0, 0);
    const b = m.store.add(Stage.AT_LARGE, 0, 0, 255, COHORT_DAYS - 1, 0);
    const c = m.store.add(Stage.AT_LARGE, 0, 0, 255, COHORT_DAYS, 0);
    for (const id of [a, b, c]) m.joinAtLarge(id, 100);
    const members = (pool: number) => {
      const p = m.pools[pool]!;
      return Array.from({ length: p.size }, (_, i) => p.at(i));
    };
    expect(members(cohortPool(0))).toEqual([a, b]);
    expect(members(cohortPool(1))).toEqual([c]);
    // The row says only "in an at-large pool": people at large leave by a pick, never by id.
    expect(m.store.poolOf(a)).toBe(IN_AT_LARGE_POOL);
    expect(() => m.leavePool(a)).toThrow(/by a pick/);
    m.ageCohorts(RECENT_ENTRANT_DAYS - 1);
    expect(m.pools[other]!.size).toBe(0);
    m.ageCohorts(RECENT_ENTRANT_DAYS); // person a has been in the U.S. 730 days: cohort 0 leaves
    // In the order one-at-a-time moves from the end of the cohort would give.
    expect(members(other)).toEqual([b, a]);
    expect(members(cohortPool(0))).toEqual([]);
    expect(members(cohortPool(1))).toEqual([c]);
    // Joining after the cohort aged out goes straight to "other".
    const d = m.store.add(Stage.AT_LARGE, 0, 0, 255, 10, 0);
    m.joinAtLarge(d, RECENT_ENTRANT_DAYS);
    expect(members(other)).toEqual([b, a, d]);
    expect(m.targetClass(c, RECENT_ENTRANT_DAYS + COHORT_DAYS - 1)).toBe(2);
    expect(m.targetClass(c, RECENT_ENTRANT_DAYS + COHORT_DAYS)).toBe(3);
  });
});

describe("cohort arithmetic", () => {
  it("gives the floor quotient and the ring pool of plain division for every day a run can hold", () => {
    // A row holds its entry day in signed 16 bits (persons.ts): every such day, one by one.
    for (let day = -32_768; day <= 32_767; day++) {
      const cohort = Math.floor(day / COHORT_DAYS);
      expect(cohortOf(day)).toBe(cohort);
      expect(cohortPool(cohort)).toBe(
        POOL_RECENT + (((cohort % RECENT_COHORTS) + RECENT_COHORTS) % RECENT_COHORTS),
      );
    }
  });
});
