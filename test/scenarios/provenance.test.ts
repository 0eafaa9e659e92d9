/**
 * Every input a shipped scenario adds is cited or marked as an assumption with its reason: each policy
 * event, and each dated value it overrides in the parameter tree (the "cited, validated file").
 */
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/params/index.ts";
import { fileOf, PLAN_SCENARIOS, STUDY_PRESETS } from "./shipped.ts";

function sourced(p: { references: readonly unknown[]; assumption: boolean; reason?: string }): boolean {
  return p.references.length > 0 || (p.assumption && (p.reason ?? "").trim().length > 0);
}

describe("every scenario input has a source or a stated assumption", () => {
  for (const name of [...PLAN_SCENARIOS, ...STUDY_PRESETS]) {
    it(name, () => {
      const scenario = loadScenarioFile(fileOf(name));
      const unsourced: string[] = [];
      let checked = scenario.policies.length;
      scenario.policies.forEach((e, i) => {
        if (!sourced(e)) unsourced.push(`policies[${i}] ${e.type} ${e.date}`);
      });
      for (const info of scenario.params.all()) {
        for (const v of info.values) {
          if (v.provenance.origin !== "override") continue;
          checked++;
          if (!sourced(v.provenance)) unsourced.push(`overrides.${info.path} ${v.date}`);
        }
      }
      expect(unsourced).toEqual([]);
      // The status quo adds nothing; every other file adds inputs, and they were all looked at.
      if (name !== "status-quo-fy2024") expect(checked).toBeGreaterThan(0);
    });
  }
});
