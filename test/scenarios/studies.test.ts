/**
 * The study presets' comparison tables are tests: each published line of a study (kept in the preset's
 * `study:` block) must come out of the model's own accounting within the line's tolerance. A preset runs
 * over its whole horizon, because its lines are totals over the run, at scale 0.01 with one replication
 * (the presets remove nearly everyone they arrest, so sampling noise in cost totals is well under 1%).
 */
import { describe, expect, it } from "vitest";
import { compareWithStudy, studyTable } from "../../src/report/compare.ts";
import type { RunAggregate } from "../../src/run/aggregate.ts";
import { runSmall, STUDY_PRESETS } from "./shipped.ts";

const SCALE = 0.01;

/** The cost lines of one replication in the shape the comparison reads (a band with one value). */
function costsOf(results: ReturnType<typeof runSmall>["results"]): Pick<RunAggregate, "costs"> {
  return {
    costs: results.costs.map((c) => ({
      stage: c.stage,
      item: c.item,
      fiscalYear: c.fiscalYear,
      kind: c.kind,
      mean: c.amount,
      low: c.amount,
      high: c.amount,
    })),
  };
}

describe("study presets reproduce the studies' cost lines", () => {
  for (const name of STUDY_PRESETS) {
    it(name, () => {
      const { scenario, results } = runSmall(name, SCALE);
      expect(results.checks).toMatchObject({ conservation: true, capacity: true, costIdentity: true });
      const study = scenario.study;
      expect(study, `${name} has no study: block`).toBeDefined();
      if (!study) return;
      expect(study.lines.length).toBeGreaterThan(0);
      const rows = compareWithStudy(costsOf(results), study);
      const table = studyTable(study.title, rows);
      for (const row of rows) {
        expect(row.withinTolerance, `${row.line} drifted:\n${table}`).toBe(true);
      }
      // Lines the study itself publishes must be held to 5% or tighter.
      for (const line of study.lines.filter((l) => l.tag === "P")) {
        expect(line.tolerance, `${line.line} is [P]`).toBeLessThanOrEqual(0.05);
      }
    });
  }
});
