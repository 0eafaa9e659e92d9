import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/params/index.ts";
import { POLICY_TYPES } from "../../src/params/policies.ts";

describe("immsim.schema.json", () => {
  it("is up to date with the scenario schema (regenerate with: npm run schema)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../immsim.schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it("lists every policy type and every parameter path", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const type of POLICY_TYPES) expect(text).toContain(`"const":"${type}"`);
    expect(text).toContain('"courts.completions_per_judge_year"');
  });

  it("is referenced by the example scenario", () => {
    const first = readFileSync("scenarios/example.yaml", "utf8").split("\n")[0];
    expect(first).toBe("# yaml-language-server: $schema=../immsim.schema.json");
  });
});
