import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeSyntheticTree, writeSyntheticTree } from "./support/synthetic-tree.ts";

const bin = new URL("../../bin/immsim.js", import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(bin, args, { encoding: "utf8" });

let treeDir: string;
beforeAll(() => {
  treeDir = writeSyntheticTree();
});
afterAll(() => removeSyntheticTree(treeDir));

describe("immsim validate", () => {
  it("exits 0 for a valid scenario and says so", () => {
    const res = run("validate", "scenarios/example.yaml", "--parameters", treeDir);
    expect(res.stdout).toBe("no errors in 1 file\n");
    expect(res.status).toBe(0);
  });

  it("exits 2 and lists every error with the count", () => {
    const res = run(
      "validate",
      "test/params/fixtures/mistakes.yaml",
      "scenarios/example.yaml",
      "--parameters",
      treeDir,
    );
    expect(res.status).toBe(2);
    const lines = res.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("13 errors in 1 file, 1 warning");
    expect(lines).toContain(
      'test/params/fixtures/mistakes.yaml:24:5  policies[1].quota_per_yaer: unknown field; did you mean "quota_per_year"?',
    );
  });

  it("prints one JSON document with --json", () => {
    const res = run("validate", "test/params/fixtures/mistakes.yaml", "--json", "--parameters", treeDir);
    expect(res.status).toBe(2);
    const doc = JSON.parse(res.stdout) as {
      valid: boolean;
      errors: number;
      warnings: number;
      files: unknown[];
    };
    expect(doc).toMatchObject({ valid: false, errors: 13, warnings: 1 });
    expect(doc.files).toHaveLength(1);
  });

  it("exits 2 for a missing file", () => {
    const res = run("validate", "no-such.yaml");
    expect(res.status).toBe(2);
    expect(res.stdout).toContain("no-such.yaml  file not found");
  });

  it("validates a parameter tree folder", () => {
    const ok = run("validate", treeDir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^no errors in \d+ files\n$/);
  });
});

describe("immsim schema", () => {
  it("prints the JSON Schema", () => {
    const res = run("schema");
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ type: "object", title: "immsim scenario" });
  });
});

describe("immsim params", () => {
  it("prints one JSON document with the matching parameters", () => {
    const res = run("params", "detention", "--json", "--parameters", treeDir);
    expect(res.status).toBe(0);
    const doc = JSON.parse(res.stdout) as {
      parameters: { path: string; description: string; source: string; unit: string }[];
    };
    expect(doc.parameters.length).toBeGreaterThan(5);
    for (const p of doc.parameters) expect(`${p.path} ${p.description}`.toLowerCase()).toContain("detention");
    expect(doc.parameters.find((p) => p.path === "detention.cost_per_bed_day")).toMatchObject({
      unit: "USD per bed-day",
      source: "Test source <https://example.org/source>",
    });
  });

  it("shows the value in force at --date, and its source", () => {
    const res = run("params", "detention.atd_capacity", "--date", "2016-01-01", "--parameters", treeDir);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("(since 2015-10-01)");
    expect(res.stdout).toContain("ASSUMPTION: Test fixture.");
  });

  it("exits 2 for a bad date", () => {
    expect(run("params", "--date", "2025-13-01", "--parameters", treeDir).status).toBe(2);
  });

  it("runs against the package's own tree with --json", () => {
    const res = run("params", "detention", "--json");
    expect(() => JSON.parse(res.stdout)).not.toThrow();
  });
});
