/** Extreme scenarios run without errors and keep the invariants. */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { everyPolicy, policyOn, syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { allNationalities, expectChecksPass, onlyDisposition, total } from "./helpers.ts";

describe("extreme scenarios", () => {
  it("zero officers: no at-large arrests", () => {
    const r = runModel(syntheticScenario({ horizonDays: 365, overrides: { "arrests.officers": 0 } }));
    expectChecksPass(r);
    expect(total(r, "flow.arrests.at_large")).toBe(0);
  });

  it("practically infinite beds: detention never binds", () => {
    const r = runModel(
      syntheticScenario({
        horizonDays: 365,
        overrides: { "detention.beds": { existing: 1e12, soft_sided: 0, military_base: 0, family: 0 } },
        policies: [policyOn(0, { type: "detention_policy", whenFull: "defer_arrest", detainAll: true })],
      }),
    );
    expectChecksPass(r);
    expect(total(r, "flow.arrests_deferred")).toBe(0);
    expect(r.utilisation.every((u) => u.binding !== "beds")).toBe(true);
  });

  it("every country refuses: nobody is removed home; people no one takes are released at the limit", () => {
    const r = runModel(
      syntheticScenario({ horizonDays: 500, overrides: { "removal.refusal_share": allNationalities(1) } }),
    );
    expectChecksPass(r);
    expect(total(r, "flow.removals")).toBe(0);
    expect(total(r, "flow.releases_post_order_limit")).toBeGreaterThan(0);
  });

  it("border fully open: everyone encountered enters, and ten times the arrivals", () => {
    const r = runModel(
      syntheticScenario({
        horizonDays: 365,
        policies: [
          policyOn(0, { type: "border_inflow", multiplier: 10, cause: "other", appliesToGotaways: true }),
          policyOn(0, {
            type: "border_dispositions",
            shares: onlyDisposition("released_nta"),
          }),
        ],
      }),
    );
    expectChecksPass(r);
    expect(total(r, "flow.border_released_nta")).toBe(total(r, "flow.border_encounters"));
    expect(total(r, "flow.border_encounters")).toBeGreaterThan(25_000);
  });

  it("a horizon of one day", () => {
    const r = runModel(syntheticScenario({ horizonDays: 1, policies: everyPolicy() }));
    expectChecksPass(r);
    expect(r.daily["stock.at_large"]!.length).toBe(1);
    expect(r.monthly.length).toBe(1);
    expect(r.fiscalYears.length).toBe(1);
  });

  it("a horizon of 30 years", () => {
    const r = runModel(
      syntheticScenario({ persons: 5000, horizonDays: 30 * 365, policies: everyPolicy(5000) }),
    );
    expectChecksPass(r);
    expect(r.fiscalYears.length).toBeGreaterThanOrEqual(30);
    expect(r.kpis.removalsTotal).toBeGreaterThan(0);
  });

  it("no people at all", () => {
    const r = runModel(
      syntheticScenario({
        horizonDays: 60,
        overrides: {
          "population.unauthorized_total": 0,
          "population.tps_holders": allNationalities(0),
          "population.parole_holders": { chnv: 0, other: 0 },
          "population.daca_recipients": 0,
          "population.pending_asylum_affirmative": 0,
          "population.final_order_at_large": 0,
          "courts.pending_cases": 0,
          "border.encounters": 0,
          "border.gotaways": 0,
          "border.visa_overstays": 0,
        },
      }),
    );
    expectChecksPass(r);
    expect(r.kpis.removalsTotal).toBe(0);
    expect(r.kpis.costPerRemoval).toBe(0);
  });
});

describe("run options and bad input", () => {
  it("reports progress about every 30 simulated days", () => {
    const calls: number[] = [];
    runModel(syntheticScenario({ horizonDays: 100 }), { onProgress: (day) => calls.push(day) });
    expect(calls).toEqual([31, 61, 91, 100]);
  });

  it("still checks conservation at the end when daily checks are off, and says so", () => {
    const r = runModel(syntheticScenario({ horizonDays: 100 }), { dailyChecks: false });
    expect(r.checks.conservation).toBe(true);
    expect(r.checks.messages.join(" ")).toMatch(/daily conservation and capacity checks were off/);
  });

  it("names the scenario and the fix for a horizon or scale it cannot run", () => {
    expect(() => runModel(syntheticScenario({ horizonDays: 40_000 }))).toThrow(
      /synthetic: horizon of 40000 days.*shorter horizon/,
    );
    expect(() => runModel(syntheticScenario({ horizonDays: 10, scale: 2 }))).toThrow(/scale 2/);
  });
});
