/** Re-entry after removal and reinstatement of the prior order. */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { policyOn, syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { allNationalities, expectChecksPass, quietOverrides, total } from "./helpers.ts";

function run(reinstatement: number) {
  // 200 people with final orders, removed quickly; every removed person comes back 10 days later (no border
  // crossings otherwise, so each re-entry is a got-away) and is arrested again.
  return runModel(
    syntheticScenario({
      horizonDays: 150,
      overrides: {
        ...quietOverrides(200),
        "population.final_order_at_large": 200,
        "arrests.officers": 1_000_000,
        "arrests.at_large_per_officer_year": 365,
        "detention.beds": { existing: 1000, soft_sided: 0, military_base: 0, family: 0 },
        "removal.travel_document_days": allNationalities(1),
        "removal.refusal_share": allNationalities(0),
        "removal.charter_seats_per_day": 100,
        "removal.land_capacity_per_day": 100,
        "border.reentry_share": 1,
        "border.reentry_delay_days": 10,
        "expedited_removal.reinstatement_share": reinstatement,
        "expedited_removal.window_days": 0,
      },
      policies: [policyOn(0, { type: "detention_policy", whenFull: "defer_arrest", detainAll: true })],
    }),
    { delayCv: 0 },
  );
}

describe("re-entry", () => {
  it("brings removed people back; reinstated orders skip the courts", () => {
    const reinstated = run(1);
    const fresh = run(0);
    expectChecksPass(reinstated);
    expectChecksPass(fresh);
    expect(total(reinstated, "flow.reentries")).toBeGreaterThan(200);
    expect(total(reinstated, "flow.removals")).toBeGreaterThan(400);
    // Reinstated: no case goes to court. Not reinstated: re-entrants get a notice to appear.
    expect(total(reinstated, "flow.court_completions.removal_order")).toBe(0);
    expect(total(fresh, "flow.court_completions.removal_order")).toBeGreaterThan(0);
  });
});
