import { describe, expect, it } from "vitest";
import { formatIssues, validateFiles } from "../../src/params/index.ts";
import { fileOf, PLAN_SCENARIOS, STUDY_PRESETS } from "./shipped.ts";

describe("shipped scenarios validate against the parameter tree", () => {
  for (const name of [...PLAN_SCENARIOS, ...STUDY_PRESETS]) {
    it(name, () => {
      const [report] = validateFiles([fileOf(name)]);
      const errors = (report?.issues ?? []).filter((i) => i.severity === "error");
      expect(errors, formatIssues(errors)).toEqual([]);
      expect(report?.kind).toBe("scenario");
    });
  }
});
