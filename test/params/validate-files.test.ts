import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateFiles } from "../../src/params/index.ts";
import { removeSyntheticTree, writeSyntheticTree } from "./support/synthetic-tree.ts";

let treeDir: string;
let work: string;
beforeAll(() => {
  treeDir = writeSyntheticTree();
  work = mkdtempSync(join(tmpdir(), "immsim-validate-"));
});
afterAll(() => {
  removeSyntheticTree(treeDir);
  rmSync(work, { recursive: true, force: true });
});

describe("validateFiles", () => {
  it("walks folders, telling parameter files from scenario files", () => {
    const dir = join(work, "mixed");
    mkdirSync(join(dir, "nested"), { recursive: true });
    cpSync("scenarios/example.yaml", join(dir, "nested", "example.yaml"));
    writeFileSync(
      join(dir, "loose-parameter.yaml"),
      "description: d\nunit: share\nvalues:\n  2020-01-01: { value: 2 }\n",
    );
    writeFileSync(join(dir, "notes.txt"), "not yaml");
    const reports = validateFiles([dir], { parametersDir: treeDir });
    expect(reports.map((r) => [r.file.split("/").slice(-2).join("/"), r.kind])).toEqual([
      ["mixed/loose-parameter.yaml", "parameter"],
      ["nested/example.yaml", "scenario"],
    ]);
    const loose = reports[0]!.issues.map((i) => `${i.severity} ${i.path}: ${i.message}`);
    expect(loose).toEqual([
      'error values["2020-01-01"]: no source: every value needs a reference or an assumption',
      "warning : not under a parameters/ folder: checked for shape only, not against the catalogue",
    ]);
    expect(reports[1]!.issues).toEqual([]);
  });

  it("checks a file under a parameters/ folder against the catalogue entry its path names", () => {
    const reports = validateFiles([join(treeDir, "detention", "beds.yaml")]);
    expect(reports).toEqual([expect.objectContaining({ kind: "parameter", issues: [] })]);
  });

  it("notes on a scenario when the parameter tree it uses has errors", () => {
    const broken = join(work, "broken", "parameters");
    cpSync(treeDir, broken, { recursive: true });
    rmSync(join(broken, "courts", "judges.yaml"));
    const [report] = validateFiles(["scenarios/example.yaml"], { parametersDir: broken });
    expect(report!.issues.map((i) => i.message)).toEqual(["the parameter tree it uses has 1 error"]);
    expect(report!.issues[0]!.hint).toMatch(/^run: immsim validate .*parameters$/);
  });

  it("reports a missing path", () => {
    expect(validateFiles(["no/such/dir"])).toEqual([
      {
        file: "no/such/dir",
        kind: "missing",
        issues: [expect.objectContaining({ message: "file not found" })],
      },
    ]);
  });
});
