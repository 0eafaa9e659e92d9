/** The model's building blocks: person store, swap-remove pools, daily capacities, ledger, synthesis. */
import { describe, expect, it } from "vitest";
import { DailyCapacity } from "../../src/model/capacity-meter.ts";
import { DelayTable } from "../../src/model/delay-table.ts";
import { RandomStream } from "../../src/model/engine.ts";
import { runModel } from "../../src/model/index.ts";
import { Ledger } from "../../src/model/money.ts";
import { PersonStore } from "../../src/model/persons.ts";
import { SwapPool } from "../../src/model/pool.ts";
import { Stage } from "../../src/model/stages.ts";
import { syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { parseIsoDay } from "../../src/util/dates.ts";

describe("PersonStore", () => {
  it("counts stages, inflows and exits through moves, and grows", () => {
    const s = new PersonStore(2);
    const ids = [0, 1, 2, 3, 4].map(() => s.add(Stage.AT_LARGE, 0, 0, 255, -10, 0));
    expect(ids).toEqual([0, 1, 2, 3, 4]);
    s.move(0, Stage.BOOKED, 1);
    s.move(0, Stage.REMOVED, 2);
    s.move(0, Stage.AT_LARGE, 3); // re-entry
    s.move(1, Stage.DEPARTED, 3);
    expect(s.counts[Stage.AT_LARGE]).toBe(4);
    expect(s.inside()).toBe(4);
    expect(s.created + s.inflows - s.exits).toBe(4);
    expect(s.exits).toBe(2);
    expect(s.inflows).toBe(1);
    expect([...s.recount()]).toEqual([...s.counts]);
    expect(s.stageDayOf(0)).toBe(3);
  });
});

describe("SwapPool", () => {
  it("adds, removes and takes members uniformly at random in O(1)", () => {
    const s = new PersonStore(1000);
    const pool = new SwapPool(s, 4);
    for (let i = 0; i < 1000; i++) pool.add(s.add(Stage.AT_LARGE, 0, 0, 255, 0, 0));
    pool.remove(10);
    pool.remove(999);
    expect(pool.size).toBe(998);
    expect(s.slotOf(10)).toBe(-1);
    const rng = RandomStream.create(1, "pool");
    const taken = new Set<number>();
    for (let i = 0; i < 998; i++) taken.add(pool.take(rng));
    expect(taken.size).toBe(998);
    expect(taken.has(10) || taken.has(999)).toBe(false);
    expect(pool.take(rng)).toBe(-1);
  });
});

describe("DailyCapacity", () => {
  it("carries the fractional part and does not bank unused units", () => {
    const c = new DailyCapacity();
    const got = [0, 1, 2, 3].map(() => c.open(2.5));
    expect(got).toEqual([2, 3, 2, 3]);
  });
});

describe("Ledger", () => {
  it("keeps lines by stage, item, fiscal year and unit cost, and budgets by agency", () => {
    const start = parseIsoDay("2025-09-29")!;
    const l = new Ledger(start, 0.5);
    l.chargeAgents(0, "arrest", "at_large", "operating", "arrests", 3, 100, "x"); // 6 arrests at full scale
    l.chargeAgents(1, "arrest", "at_large", "operating", "arrests", 1, 100, "x");
    l.chargeAgents(2, "arrest", "at_large", "operating", "arrests", 1, 100, "x"); // 2025-10-01: FY2026
    l.setAvailable("ICE", "FY2025", 700);
    const lines = l.costLines();
    expect(lines.map((x) => [x.fiscalYear, x.quantity, x.amount])).toEqual([
      ["FY2025", 8, 800],
      ["FY2026", 2, 200],
    ]);
    expect(l.identityFailures()).toEqual([]);
    expect(l.isExhausted("ICE", 0)).toBe(true);
    expect(l.budgetLines()).toEqual([
      { fiscalYear: "FY2025", agency: "ICE", available: 700, spent: 800, exhausted: true },
    ]);
  });
});

describe("Ledger multi-year money", () => {
  it("carries unspent multi-year money forward until its last fiscal year, then lets it lapse", () => {
    const start = parseIsoDay("2025-10-01")!; // day 0 is the first day of FY2026
    const l = new Ledger(start, 1);
    for (const fy of ["FY2026", "FY2027", "FY2028"]) l.setAvailable("ICE", fy, 100);
    l.addMultiYear("ICE", "FY2026", "FY2027", 50);
    l.addMultiYear("ICE", "FY2027", "FY2027", 50);
    // FY2026 spends 120: 100 one-year money + 20 of the first tranche; 30 carries forward.
    l.charge(0, "arrest", "at_large", "operating", "arrests", 120, 1, "x");
    expect(l.isExhausted("ICE", 0)).toBe(false);
    // FY2027 has 100 + 30 + 50 = 180; spending 179 leaves it open, 181 exhausts it.
    l.charge(366, "arrest", "at_large", "operating", "arrests", 179, 1, "x");
    expect(l.isExhausted("ICE", 366)).toBe(false);
    l.charge(366, "arrest", "at_large", "operating", "arrests", 2, 1, "x");
    expect(l.isExhausted("ICE", 366)).toBe(true);
    // Both tranches end in FY2027: FY2028 has only its one-year money.
    const lines = l.budgetLines();
    expect(lines.map((b) => [b.fiscalYear, b.available])).toEqual([
      ["FY2026", 150],
      ["FY2027", 180],
      ["FY2028", 100],
    ]);
  });
});

describe("population synthesis", () => {
  it("builds the population by legal situation at full scale whatever the scale", () => {
    const r1 = runModel(syntheticScenario({ horizonDays: 1 }));
    // Day 0 stocks are recorded after the day's steps; the population on day 0 is nearly untouched.
    // TPS 700 + parole 500 + DACA 300 + pending asylum 600 = 2100, less a referral to court or plus a
    // border parole on day 0.
    expect(Math.abs(r1.daily["stock.protected"]![0]! - 2100)).toBeLessThanOrEqual(3);
    expect(r1.daily["stock.non_detained_docket"]![0]).toBeGreaterThan(1990); // 2000 pending, a few decided on day 0
    const r10 = runModel(syntheticScenario({ horizonDays: 1, scale: 0.1, persons: 200_000 }));
    expect(r10.timing.agents).toBeGreaterThan(19_000);
    expect(r10.timing.agents).toBeLessThan(21_000);
    expect(r10.timing.persons).toBeCloseTo(r10.timing.agents / 0.1, 6);
  });
});

describe("DelayTable", () => {
  it("draws lognormal multipliers with mean 1 and the requested cv", () => {
    const t = new DelayTable(0.5);
    const rng = RandomStream.create(3, "delays");
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = t.draw(rng);
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    expect(mean).toBeCloseTo(1, 2);
    expect(sd).toBeGreaterThan(0.47);
    expect(sd).toBeLessThan(0.51);
  });
});
