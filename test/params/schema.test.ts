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

  it("gives editors the shape of each override: one number, or exactly the keys of its key set", () => {
    type Node = {
      properties: Record<string, Node>;
      additionalProperties: Node;
      required?: string[];
      type?: string;
    };
    const overrides = (scenarioJsonSchema() as Node).properties.overrides!.properties;
    const beds = overrides["detention.beds"]!.additionalProperties.properties.value!;
    expect(beds.required).toEqual(["existing", "soft_sided", "military_base", "family"]);
    expect(overrides["courts.judges"]!.additionalProperties.properties.value!.type).toBe("number");
  });

  it("is referenced by the example scenario", () => {
    const first = readFileSync("scenarios/example.yaml", "utf8").split("\n")[0];
    expect(first).toBe("# yaml-language-server: $schema=../immsim.schema.json");
  });
});
