import { describe, expect, it } from "vitest";
import { loadParameterTree, parseScenarioText, ValidationError } from "../../src/params/index.ts";
import { removeSyntheticTree, writeSyntheticTree } from "./support/synthetic-tree.ts";

describe("a file with hundreds of errors", () => {
  it("reports every one of them, sorted by line", () => {
    const dir = writeSyntheticTree();
    const tree = loadParameterTree(dir);
    removeSyntheticTree(dir);
    const n = 400;
    const lines = ["name: many", "start: 2025-01-20", "horizon: { years: 5 }", "policies:"];
    for (let i = 0; i < n; i++) {
      lines.push(
        "  - on: 2025-02-01",
        "    type: beds_added",
        "    facility: militray_base",
        "    beds: lots",
      );
    }
    let err: ValidationError | undefined;
    try {
      parseScenarioText(`${lines.join("\n")}\n`, "many.yaml", tree);
    } catch (e) {
      if (e instanceof ValidationError) err = e;
    }
    expect(err).toBeDefined();
    expect(err!.issues).toHaveLength(2 * n);
    const positions = err!.issues.map((i) => i.line);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(err!.issues[0]!.hint).toBe('did you mean "military_base"?');
    expect(err!.format().split("\n").at(-1)).toBe(`${2 * n} errors in 1 file`);
  });
});
