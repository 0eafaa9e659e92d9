/** Scenario `accounting`: pay per occupied bed-day or for beds held; per completion or for judges held. */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { costOf, expectChecksPass, total } from "./helpers.ts";

const H = 200;

describe("accounting", () => {
  const occupied = runModel(syntheticScenario({ horizonDays: H }));
  const held = runModel(
    syntheticScenario({
      horizonDays: H,
      accounting: { detention: "capacity_held", courts: "capacity_held" },
    }),
  );

  it("charges occupied bed-days and completions by default", () => {
    expectChecksPass(occupied);
    // 300 existing beds at 150 USD; the detention stock is the occupied beds of each day.
    expect(costOf(occupied, "detention")).toBeCloseTo(total(occupied, "stock.detained") * 150, 4);
    const completions = ["removal_order", "voluntary_departure", "relief", "termination", "in_absentia"]
      .map((o) => total(occupied, `flow.court_completions.${o}`))
      .reduce((a, b) => a + b, 0);
    expect(costOf(occupied, "courts")).toBeCloseTo(completions * 2500, 4);
  });

  it("charges every bed and every judge's capacity when capacity is held", () => {
    expectChecksPass(held);
    expect(costOf(held, "detention")).toBeCloseTo(300 * 150 * H, 4);
    // 3 judges × 500 completions a year, paid at 2500 USD a completion-equivalent, every day.
    expect(costOf(held, "courts")).toBeCloseTo(((3 * 500) / 365) * 2500 * H, 4);
    expect(costOf(held, "detention")).toBeGreaterThan(costOf(occupied, "detention"));
  });
});
