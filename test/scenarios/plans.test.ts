/**
 * Each plan and baseline runs at scale 0.01 with one replication and keeps the model's invariants:
 * conservation, capacity and the cost identity (design section 6). Horizons are cut to three years to
 * keep CI short; the policies of plan-2025 all take effect within its first two years.
 */
import { describe, expect, it } from "vitest";
import { PLAN_SCENARIOS, runSmall } from "./shipped.ts";

const SCALE = 0.01;
const HORIZON_DAYS = 3 * 365;

describe("plans and baselines run small with every check true", () => {
  for (const name of PLAN_SCENARIOS) {
    it(name, () => {
      const { scenario, results } = runSmall(name, SCALE, HORIZON_DAYS);
      expect(results.checks.messages).toEqual([]);
      expect(results.checks).toMatchObject({ conservation: true, capacity: true, costIdentity: true });
      expect(results.horizonDays).toBe(HORIZON_DAYS);
      expect(results.scale).toBe(SCALE);
      // Every dated policy event of the file reached the model.
      expect(scenario.policies.length).toBeGreaterThanOrEqual(name === "status-quo-fy2024" ? 0 : 1);
      // Something moved through the pipeline: people were arrested, booked in and removed.
      expect(results.kpis.removalsTotal).toBeGreaterThan(0);
      expect(results.costs.length).toBeGreaterThan(0);
    });
  }
});
