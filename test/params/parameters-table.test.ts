import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readParameterTree } from "../../src/params/index.ts";
import { parametersTable, TABLE_END, TABLE_START } from "../../src/params/parameters-table.ts";

describe("docs/parameters.md", () => {
  it("carries the table of the parameter tree as it is (regenerate with `npm run params:table`)", () => {
    const doc = readFileSync(new URL("../../docs/parameters.md", import.meta.url), "utf8");
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const committed = doc.slice(start + TABLE_START.length, end).trim();
    const { tree } = readParameterTree();
    expect(committed).toBe(parametersTable(tree.parameters));
  });
});
