import { describe, expect, it } from "vitest";
import { RandomStream } from "../../src/engine/index.ts";
import { perturbedParameters } from "../../src/model/uncertainty.ts";
import { resolvedParameters } from "../../src/params/resolved.ts";
import type { DatedValue, ParameterInfo } from "../../src/params/types.ts";

function dated(day: number, value: number, origin: "parameters" | "override"): DatedValue {
  return {
    date: `day-${day}`,
    day,
    value,
    provenance: { references: [], assumption: true, reason: "test", origin },
  };
}

const cost: ParameterInfo = {
  path: "detention.atd_cost_per_day",
  description: "test",
  unit: "USD per person-day",
  kind: "scalar",
  file: "test.yaml",
  values: [dated(0, 10, "parameters"), dated(100, 20, "override")],
  uncertainty: {
    distribution: "uniform",
    low: 0.5,
    high: 0.9,
    assumption: true,
    reason: "test",
    references: [],
  },
};

describe("parameter uncertainty", () => {
  it("scales values from the parameter tree and keeps values a scenario overrides", () => {
    const base = resolvedParameters([cost]);
    for (let i = 0; i < 20; i++) {
      const p = perturbedParameters(base, RandomStream.create(7, `draw-${i}`));
      const f = p.scalar("detention.atd_cost_per_day");
      // The tree value is multiplied by 1 + x with x in [0.5, 0.9].
      expect(f.at(0)).toBeGreaterThanOrEqual(15);
      expect(f.at(0)).toBeLessThanOrEqual(19);
      // The override holds exactly as written.
      expect(f.at(100)).toBe(20);
    }
  });
});
