/**
 * Small scenarios whose results are derived by hand (delays exact: delayCv 0, one resource binding).
 */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { policyOn, syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { allNationalities, costOf, cumulative, expectChecksPass, quietOverrides, total } from "./helpers.ts";

describe("hand-computed: 300 final orders, 50 beds, documents in 10 days, 5 seats a day", () => {
  // Day 0: officers could arrest far more than 50, so the 50 beds fill (detention policy: defer arrests
  // when full); processing takes 0 days and everyone holds a final order, so all 50 wait 10 days for
  // documents (ready on day 10). From day 10, 5 seats a day remove 5 people; each removal frees a bed
  // that an arrest fills the same day, and that person's documents arrive 10 days later, so exactly 5
  // hold documents every day from day 10 on. Removals: 5 a day on days 10..69, so cumulative removals at
  // the end of day d are min(300, 5 (d - 9)) for d >= 10 and 0 before. The pool of 250 left after day 0
  // empties after 50 days of 5 arrests (days 10..59); detention holds 50 through day 59, then
  // 50 - 5 (d - 59) on days 60..69 (0 on day 69). Bed-days: 50 × 60 + (45 + 40 + ... + 0) = 3225.
  const scenario = syntheticScenario({
    horizonDays: 100,
    overrides: {
      ...quietOverrides(300),
      "population.final_order_at_large": 300,
      "arrests.officers": 1_000_000,
      "arrests.at_large_per_officer_year": 365,
      "detention.beds": { existing: 50, soft_sided: 0, military_base: 0, family: 0 },
      "detention.cost_per_bed_day": { existing: 100, soft_sided: 0, military_base: 0, family: 0 },
      "arrests.cost_per_arrest": { at_large: 1000, custodial: 0, task_force: 0, national_guard: 0 },
      "removal.travel_document_days": allNationalities(10),
      "removal.refusal_share": allNationalities(0),
      "removal.air_share": allNationalities(1),
      "removal.charter_seats_per_day": 5,
      "removal.land_capacity_per_day": 0,
      "removal.cost_per_air_removal": 2000,
    },
    policies: [policyOn(0, { type: "detention_policy", whenFull: "defer_arrest", detainAll: false })],
  });
  const r = runModel(scenario, { delayCv: 0 });

  it("passes its own checks", () => expectChecksPass(r));

  it("removes 5 a day from day 10 to day 69", () => {
    const cum = cumulative(r, "flow.removals");
    for (let d = 0; d < 100; d++) {
      const expected = d < 10 ? 0 : Math.min(300, 5 * (d - 9));
      expect(cum[d], `day ${d}`).toBe(expected);
    }
  });

  it("holds 50 in detention until day 59, then drains by 5 a day", () => {
    const det = r.daily["stock.detained"]!;
    for (let d = 0; d < 100; d++) {
      const expected = d <= 59 ? 50 : Math.max(0, 50 - 5 * (d - 59));
      expect(det[d], `day ${d}`).toBe(expected);
    }
  });

  it("charges quantity × unit cost: 300 arrests, 300 seats, 3225 bed-days", () => {
    expect(costOf(r, "arrest")).toBe(300 * 1000);
    expect(costOf(r, "transport")).toBe(300 * 2000);
    expect(costOf(r, "detention")).toBeCloseTo(3225 * 100, 6);
    expect(r.kpis.removalsTotal).toBe(300);
    expect(r.kpis.costPerRemoval).toBeCloseTo((300 * 1000 + 300 * 2000 + 3225 * 100) / 300, 6);
  });

  it("reports beds as the binding constraint and the time to a removal target", () => {
    expect(r.utilisation[0]!.binding).toBe("beds");
    const withTarget = runModel({ ...scenario, target: { removals: 150 } }, { delayCv: 0 });
    // 150 removals are reached at the end of day 39: 40 days.
    expect(withTarget.kpis.yearsToTarget).toBeCloseTo(40 / 365.25, 10);
  });
});

describe("hand-computed: credible fear and courts", () => {
  // 100 people at large who entered within the expedited-removal window (presence 730 days, all entered
  // in the last 2 years), all claim fear (share 1), all screen positive (share 1), all are detained on
  // the detained docket (detain all). One asylum officer doing 3650 interviews a year = 10 a day; one
  // judge doing 1825 completions a year = 5 a day, detained docket first. 1000 beds: all 100 are booked
  // on day 0 (arrests come after interviews and courts in a day, so nothing else happens on day 0).
  // Interviews: 10 a day on days 1..10. Courts run after interviews each day, detained docket FIFO: 5
  // completions a day on days 1..20. By the end of day d: min(100, 10 d) interviews, min(100, 5 d)
  // completions. Outcomes are all relief (share 1): nobody is removed; detention is empty from day 20.
  const r = runModel(
    syntheticScenario({
      horizonDays: 40,
      overrides: {
        ...quietOverrides(100),
        "population.years_in_us": { lt2: 1, y2to5: 0, y5to10: 0, y10plus: 0 },
        "arrests.officers": 1_000_000,
        "arrests.at_large_per_officer_year": 365,
        "detention.beds": { existing: 1000, soft_sided: 0, military_base: 0, family: 0 },
        "expedited_removal.fear_claim_share": 1,
        "expedited_removal.credible_fear_positive_share": 1,
        "expedited_removal.asylum_officers": 1,
        "expedited_removal.interviews_per_officer_year": 3650,
        "courts.judges": 1,
        "courts.completions_per_judge_year": 1825,
        "courts.outcomes_detained": { removal_order: 0, voluntary_departure: 0, relief: 1, termination: 0 },
      },
      policies: [
        policyOn(0, { type: "expedited_removal_window", presenceDays: 730, nationwide: true }),
        policyOn(0, { type: "detention_policy", whenFull: "defer_arrest", detainAll: true }),
      ],
    }),
    { delayCv: 0 },
  );

  it("interviews 10 a day and completes 5 cases a day", () => {
    expectChecksPass(r);
    const cf = cumulative(r, "flow.credible_fear_interviews");
    const done = cumulative(r, "flow.court_completions.relief");
    for (let d = 0; d < 40; d++) {
      expect(cf[d], `interviews by day ${d}`).toBe(Math.min(100, 10 * d));
      expect(done[d], `completions by day ${d}`).toBe(Math.min(100, 5 * d));
    }
    expect(total(r, "flow.removals")).toBe(0);
    expect(r.daily["stock.detained"]![19]).toBe(5);
    expect(r.daily["stock.detained"]![20]).toBe(0);
  });
});
