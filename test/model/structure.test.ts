/**
 * The structural rules that tie the model to history: a detained population on day 0, a minimum time before
 * a detained case can be decided, prior removals at synthesis (reinstatement on arrest), border book-ins
 * that ICE counts as its own arrests, and repeat encounters that do not add people.
 */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { allNationalities, expectChecksPass, onlyDisposition, quietOverrides, total } from "./helpers.ts";

const COMPLETIONS = [
  "flow.court_completions.removal_order",
  "flow.court_completions.voluntary_departure",
  "flow.court_completions.relief",
  "flow.court_completions.termination",
  "flow.court_completions.in_absentia",
];
const completionsOn = (r: ReturnType<typeof runModel>, day: number) =>
  COMPLETIONS.reduce((a, s) => a + r.daily[s]![day]!, 0);

const noCourtDelays = {
  "courts.appeal_share": 0,
  "courts.judges": 100,
  "courts.completions_per_judge_year": 3650,
  "courts.outcomes_detained": { removal_order: 0, voluntary_departure: 0, relief: 0, termination: 1 },
  "arrests.officers": 0,
} as const;

describe("initial detained population", () => {
  const r = runModel(
    syntheticScenario({
      horizonDays: 60,
      overrides: {
        ...quietOverrides(1000),
        ...noCourtDelays,
        "detention.beds": { existing: 500, soft_sided: 0, military_base: 0, family: 0 },
        "detention.initial_population": 200,
        "detention.initial_ordered_share": 0.4,
        "detention.initial_border_share": 1,
        "courts.detained_min_days": 30,
        "removal.travel_document_days": allNationalities(100),
        "removal.refusal_share": allNationalities(0),
      },
    }),
    { delayCv: 0 },
  );

  it("passes its own checks", () => expectChecksPass(r));

  it("starts with the detained population, split between orders and the detained docket", () => {
    // Stocks are recorded at the end of the day: the oldest docket cases are decided on day 0.
    expect(r.daily["stock.detained"]![0]! + completionsOn(r, 0)).toBe(200);
    expect(r.daily["stock.awaiting_removal"]![0]).toBe(80);
    expect(r.daily["stock.detained_docket"]![0]! + completionsOn(r, 0)).toBe(120);
  });

  it("decides the starting docket cases evenly over the minimum time, none after it", () => {
    // 120 cases filed on days -30..-1 in even steps: about 4 ripen each day from day 0 to day 29.
    let first = 0;
    for (let d = 0; d < 30; d++) first += completionsOn(r, d);
    expect(first).toBe(120);
    for (const d of [0, 10, 20, 29]) expect(completionsOn(r, d)).toBeGreaterThanOrEqual(3);
    let later = 0;
    for (let d = 30; d < 60; d++) later += completionsOn(r, d);
    expect(later).toBe(0);
    // The 80 with orders wait 100 days for documents: still detained at the end.
    expect(r.daily["stock.detained"]![59]).toBe(80);
  });

  it("is capped by the beds", () => {
    const capped = runModel(
      syntheticScenario({
        horizonDays: 5,
        overrides: {
          ...quietOverrides(1000),
          ...noCourtDelays,
          "detention.beds": { existing: 50, soft_sided: 0, military_base: 0, family: 0 },
          "detention.initial_population": 200,
          "courts.detained_min_days": 30,
        },
      }),
      { delayCv: 0 },
    );
    expect(capped.daily["stock.detained"]![0]! + completionsOn(capped, 0)).toBe(50);
  });
});

/** Enough officers to arrest the whole (100-person) pool on day 0, and a bed for each of them. */
const arrestAllOnDayZero = {
  "arrests.officers": 1_000_000,
  "arrests.at_large_per_officer_year": 365,
  "detention.beds": { existing: 100, soft_sided: 0, military_base: 0, family: 0 },
} as const;

describe("minimum time on the detained docket", () => {
  // 100 people with no order are arrested on day 0 (officers at large), processed at once and all kept on
  // the detained docket; ample judges would decide them the same day without the minimum.
  const run = (minDays: number) =>
    runModel(
      syntheticScenario({
        horizonDays: 40,
        overrides: {
          ...quietOverrides(100),
          ...noCourtDelays,
          ...arrestAllOnDayZero,
          "detention.detained_docket_share": 1,
          "detention.release_on_bond_share": 0,
          "courts.detained_min_days": minDays,
          // Relief ends the case for good: nobody decided comes back to be arrested again.
          "courts.outcomes_detained": { removal_order: 0, voluntary_departure: 0, relief: 1, termination: 0 },
        },
      }),
      { delayCv: 0 },
    );

  it("holds every case until it has waited the minimum", () => {
    const r = run(20);
    expectChecksPass(r);
    let before = 0;
    for (let d = 0; d < 20; d++) before += completionsOn(r, d);
    expect(before).toBe(0);
    // Arrests are Poisson draws around 100 a day: nearly everyone is taken on day 0, the rest just after.
    // (The odd person the synthetic scenario routes to an order skips the docket.)
    const decided = total(r, "flow.court_completions.relief");
    expect(decided + total(r, "flow.orders")).toBe(100);
    expect(completionsOn(r, 20)).toBe(decided);
    expect(r.daily["stock.detained_docket"]![19]).toBe(decided);
  });

  it("decides at once without it", () => {
    const r = run(0);
    // Courts sit before arrests in a day: day-0 arrests are decided on day 1.
    expect(completionsOn(r, 1)).toBe(total(r, "flow.court_completions.relief"));
    expect(completionsOn(r, 1)).toBeGreaterThan(90);
  });
});

describe("prior removals at synthesis", () => {
  const run = (prior: number) =>
    runModel(
      syntheticScenario({
        horizonDays: 3,
        overrides: {
          ...quietOverrides(100),
          ...noCourtDelays,
          ...arrestAllOnDayZero,
          "population.prior_removal_share": prior,
          "detention.detained_docket_share": 1,
          "detention.release_on_bond_share": 0,
          "expedited_removal.reinstatement_share": 1,
          "expedited_removal.window_days": 0,
        },
      }),
      { delayCv: 0 },
    );

  it("reinstates the prior order on arrest instead of a notice to appear", () => {
    const all = run(1);
    expectChecksPass(all);
    expect(total(all, "flow.orders")).toBe(100);
    expect(total(all, "stock.detained_docket")).toBe(0);
    const none = run(0);
    expect(total(none, "flow.orders")).toBe(0);
  });
});

describe("border book-ins processed by ICE", () => {
  const run = (share: number, repeat: number) =>
    runModel(
      syntheticScenario({
        horizonDays: 200,
        overrides: {
          ...quietOverrides(100),
          ...noCourtDelays,
          "border.encounters": 36_500,
          "border.dispositions": onlyDisposition("detained_nta"),
          "border.ice_processed_share": share,
          "border.repeat_encounter_share": repeat,
          "detention.beds": { existing: 100_000, soft_sided: 0, military_base: 0, family: 0 },
        },
      }),
      { delayCv: 0 },
    );

  it("counts them as ICE arrests at the share, without adding people", () => {
    const all = run(1, 0);
    expectChecksPass(all);
    expect(total(all, "flow.arrests.border_processed")).toBe(total(all, "flow.border_detained_nta"));
    expect(total(all, "flow.book_ins")).toBe(total(all, "flow.border_detained_nta"));
    expect(total(run(0, 0), "flow.arrests.border_processed")).toBe(0);
  });

  it("leaves encounters as published when no removed person re-enters", () => {
    // The repeat share only makes room for re-entries the model itself generates.
    expect(total(run(0, 0.5), "flow.border_encounters")).toBe(total(run(0, 0), "flow.border_encounters"));
  });
});

describe("border notices to appear and the expedited-removal window", () => {
  // Every encounter is a detained notice to appear and is routed the day it is booked, well inside the
  // 14-day presence window; everyone would claim fear if sent to expedited removal.
  const r = runModel(
    syntheticScenario({
      horizonDays: 60,
      overrides: {
        ...quietOverrides(100),
        ...noCourtDelays,
        "border.encounters": 3650,
        "border.dispositions": onlyDisposition("detained_nta"),
        "expedited_removal.window_days": 14,
        "expedited_removal.fear_claim_share": 1,
        "detention.detained_docket_share": 1,
        "detention.release_on_bond_share": 0,
        "detention.beds": { existing: 100_000, soft_sided: 0, military_base: 0, family: 0 },
      },
    }),
    { delayCv: 0 },
  );

  it("keeps CBP's choice: the window applies to interior arrests only", () => {
    expectChecksPass(r);
    expect(total(r, "flow.border_detained_nta")).toBeGreaterThan(0);
    expect(total(r, "flow.credible_fear_interviews")).toBe(0);
    expect(total(r, "flow.orders")).toBe(0);
  });
});
