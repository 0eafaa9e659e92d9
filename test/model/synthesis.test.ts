/**
 * Population synthesis draws each combination's count as a multinomial (conditional binomials) and then
 * writes the rows of each combination together: the population must still have the law of independent
 * per-person draws (shares, independence between attributes), and the docket, a queue, must be in random
 * order rather than grouped by attributes.
 */
import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/engine/random.ts";
import { simulate } from "../../src/model/simulate.ts";
import { Flag, Stage } from "../../src/model/stages.ts";
import { syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { NATIONALITY_GROUPS, SECTORS, YEARS_IN_US_BUCKETS } from "../../src/params/catalog.ts";
import { quietOverrides } from "./helpers.ts";

const PERSONS = 200_000;
const PENDING = 40_000;
const scenario = syntheticScenario({
  horizonDays: 1,
  overrides: {
    ...quietOverrides(PERSONS),
    "courts.pending_cases": PENDING,
    "courts.judges": 0,
    "arrests.officers": 0,
    "population.share_with_criminal_record": 0.07,
    "population.share_with_us_citizen_child": 0.35,
    "population.share_employed": 0.6,
    "population.prior_removal_share": 0.2,
  },
});
const out = simulate(scenario, scenario.params, RandomStream.create(7, "synthesis-test"), {
  dailyChecks: false,
  delayCv: 0,
});
const store = out.model.store;
const p = scenario.params;

/** |observed − expected| within 5 binomial standard deviations. */
function expectShare(count: number, n: number, share: number): void {
  const sd = Math.sqrt(n * share * (1 - share));
  expect(Math.abs(count - n * share)).toBeLessThanOrEqual(5 * sd + 1);
}

describe("population synthesis by attribute combinations", () => {
  const ids: number[] = [];
  for (let id = 0; id < store.size; id++) if (store.stageOf(id) === Stage.AT_LARGE) ids.push(id);

  it("gives every attribute its share", () => {
    const n = ids.length;
    expect(n).toBeGreaterThan(PERSONS - PENDING - 1000);
    const has = (flag: number) => ids.filter((id) => (store.flagsOf(id) & flag) !== 0).length;
    expectShare(has(Flag.CRIMINAL), n, 0.07);
    expectShare(has(Flag.US_CHILD), n, 0.35);
    expectShare(has(Flag.EMPLOYED), n, 0.6);
    expectShare(has(Flag.REENTRANT), n, 0.2);

    const nat = p.breakdown("population.share_by_nationality").at(0);
    NATIONALITY_GROUPS.forEach((g, i) => {
      expectShare(ids.filter((id) => store.nationalityOf(id) === i).length, n, nat[g]);
    });

    const employed = ids.filter((id) => (store.flagsOf(id) & Flag.EMPLOYED) !== 0);
    expect(employed.every((id) => store.sectorOf(id) !== 255)).toBe(true);
    expect(ids.every((id) => (store.flagsOf(id) & Flag.EMPLOYED) !== 0 || store.sectorOf(id) === 255)).toBe(
      true,
    );
    const sectors = p.breakdown("population.employment_by_sector").at(0);
    const sectorTotal = SECTORS.reduce((a, s) => a + sectors[s], 0);
    SECTORS.forEach((s, i) => {
      const k = employed.filter((id) => store.sectorOf(id) === i).length;
      expectShare(k, employed.length, sectors[s] / sectorTotal);
    });

    // Years in the U.S.: the entry day falls in its bucket's range, each bucket with its share.
    const years = p.breakdown("population.years_in_us").at(0);
    const bounds = [0, 730, 1826, 3652, 9131];
    YEARS_IN_US_BUCKETS.forEach((b, i) => {
      const k = ids.filter((id) => {
        const back = -store.entryDayOf(id);
        return back >= bounds[i]! && back < bounds[i + 1]!;
      }).length;
      expectShare(k, n, years[b]);
    });
  });

  it("draws the attributes independently of each other", () => {
    const n = ids.length;
    const both = ids.filter((id) => {
      const f = store.flagsOf(id);
      return (f & Flag.CRIMINAL) !== 0 && (f & Flag.US_CHILD) !== 0;
    }).length;
    expectShare(both, n, 0.07 * 0.35);
    const employedPrior = ids.filter((id) => {
      const f = store.flagsOf(id);
      return (f & Flag.EMPLOYED) !== 0 && (f & Flag.REENTRANT) !== 0;
    }).length;
    expectShare(employedPrior, n, 0.6 * 0.2);
    // Entry days spread over each bucket's whole range, not one value per combination.
    const recent = ids.filter((id) => -store.entryDayOf(id) < 730).map((id) => store.entryDayOf(id));
    expect(new Set(recent).size).toBeGreaterThan(700);
  });

  it("puts the non-detained docket in random order", () => {
    const docket = out.model.nonDetainedDocket;
    expect(docket.length).toBe(PENDING);
    const nat = p.breakdown("population.share_by_nationality").at(0);
    const largest = NATIONALITY_GROUPS.reduce((a, g, i) => (nat[g] > nat[NATIONALITY_GROUPS[a]!] ? i : a), 0);
    // Each tenth of the queue has the largest group's share (rows grouped by nationality would not).
    const tenth = PENDING / 10;
    for (let t = 0; t < 10; t++) {
      let k = 0;
      for (let i = t * tenth; i < (t + 1) * tenth; i++)
        if (store.nationalityOf(docket.at(i)) === largest) k++;
      expectShare(k, tenth, nat[NATIONALITY_GROUPS[largest]!]);
    }
  });
});
