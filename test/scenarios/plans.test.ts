/**
 * Each plan and baseline runs at scale 0.01 with one replication and keeps the model's invariants:
 * conservation, capacity and the cost identity (design section 6), over the scenario's whole horizon.
 */
import { describe, expect, it } from "vitest";
import { PLAN_SCENARIOS, runSmall } from "./shipped.ts";

const SCALE = 0.01;

describe("plans and baselines run small with every check true", () => {
  for (const name of PLAN_SCENARIOS) {
    it(name, () => {
      const { scenario, results } = runSmall(name, SCALE);
      expect(results.checks.messages).toEqual([]);
      expect(results.checks).toMatchObject({ conservation: true, capacity: true, costIdentity: true });
      expect(results.horizonDays).toBe(scenario.horizonDays);
      expect(results.scale).toBe(SCALE);
      // Every dated policy event of the file reached the model.
      expect(scenario.policies.length).toBeGreaterThanOrEqual(name === "status-quo-fy2024" ? 0 : 1);
      // Something moved through the pipeline: people were arrested, booked in and removed.
      expect(results.kpis.removalsTotal).toBeGreaterThan(0);
      expect(results.costs.length).toBeGreaterThan(0);
    });
  }
});
