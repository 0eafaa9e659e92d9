/**
 * The real parameter tree (parameters/) must load completely, with a source for every value. While the tree is
 * being written this fails and lists what is missing or wrong; it is never skipped.
 */
import { describe, expect, it } from "vitest";
import { PARAMETER_PATHS } from "../../src/params/catalog.ts";
import { defaultParametersDir, readParameterTree } from "../../src/params/index.ts";
import { formatIssues } from "../../src/params/issues.ts";

describe("parameters/", () => {
  const { tree, issues } = readParameterTree(defaultParametersDir());

  it("loads with no errors (every catalogue entry present and valid)", () => {
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors.length === 0 ? "" : formatIssues(errors)).toBe("");
    expect([...tree.parameters.keys()].sort()).toEqual([...PARAMETER_PATHS].sort());
  });

  it("gives every value, and every uncertainty, a reference or an assumption with a reason", () => {
    const unsourced: string[] = [];
    for (const p of tree.parameters.values()) {
      for (const v of p.values) {
        const { references, assumption, reason } = v.provenance;
        if (!(references.length > 0 || (assumption && reason && reason.trim() !== ""))) {
          unsourced.push(`${p.file} ${v.date}`);
        }
      }
      const u = p.uncertainty;
      if (u && !(u.references.length > 0 || (u.assumption && u.reason)))
        unsourced.push(`${p.file} uncertainty`);
    }
    expect(unsourced).toEqual([]);
    expect(tree.parameters.size).toBeGreaterThan(0);
  });
});
