import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const bin = new URL("../../bin/immsim.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "immsim-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, "store.duckdb");

function immsim(...args: string[]) {
  return spawnSync(bin, args, { encoding: "utf8" });
}

describe("bad input to run, runs and export exits 2 with a message that says what to fix", () => {
  it("names a missing scenario file", () => {
    const res = immsim("run", join(dir, "nowhere.yaml"), "--db", db);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("nowhere.yaml");
  });

  it("names the flag and an example of a good value", () => {
    const res = immsim("run", "scenarios/example.yaml", "--scale", "2", "--db", db);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("--scale must be above 0 and at most 1, e.g. --scale 0.01");
    const workers = immsim("run", "scenarios/example.yaml", "--workers", "two", "--db", db);
    expect(workers.status).toBe(2);
    expect(workers.stderr).toContain("--workers must be a whole number");
  });

  it("rejects unknown runs and formats", () => {
    expect(immsim("runs", "--db", db).stdout).toContain("No runs");
    const run = immsim("export", "abc", "--format", "csv", "--db", db);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"abc" is not a run number');
    const missing = immsim("export", "7", "--format", "csv", "--db", db);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("run 7 is not in");
    const format = immsim("export", "1", "--format", "pdf", "--db", db);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain("--format must be one of parquet, csv, xlsx");
  });
});
