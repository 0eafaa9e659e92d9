import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadParameterTree,
  loadScenarioFile,
  type ParameterTree,
  parseScenarioText,
  ValidationError,
} from "../../src/params/index.ts";
import { removeSyntheticTree, writeSyntheticTree } from "./support/synthetic-tree.ts";

function issuesOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error("expected a ValidationError");
}

let treeDir: string;
let tree: ParameterTree;
beforeAll(() => {
  treeDir = writeSyntheticTree();
  tree = loadParameterTree(treeDir);
});
afterAll(() => removeSyntheticTree(treeDir));

describe("scenario error messages", () => {
  it.each(["mistakes", "more-mistakes"])(
    "lists every mistake of fixtures/%s.yaml with file:line:column, field, expectation and hint",
    (name) => {
      const file = `test/params/fixtures/${name}.yaml`;
      const err = issuesOf(() => loadScenarioFile(file, { parametersDir: treeDir }));
      const expected = readFileSync(new URL(`./fixtures/${name}.expected.txt`, import.meta.url), "utf8");
      expect(err.format()).toBe(expected.trimEnd());
    },
  );

  const minimal = "name: t\nstart: 2025-01-20\nhorizon: { years: 1 }\n";

  it("reports YAML syntax errors with their position", () => {
    const err = issuesOf(() => parseScenarioText(`${minimal}policies: [1, 2\nseed: 3\n`, "s.yaml", tree));
    expect(err.issues[0]).toMatchObject({ file: "s.yaml", line: 5, severity: "error" });
    expect(err.issues[0]!.message).toMatch(/^YAML: /);
  });

  it("reports duplicate keys", () => {
    const err = issuesOf(() => parseScenarioText(`${minimal}seed: 1\nseed: 2\n`, "s.yaml", tree));
    expect(err.format()).toContain("s.yaml:5:1  YAML: Map keys must be unique; each field may appear once");
  });

  it("reports an empty file and a file that is a list", () => {
    expect(issuesOf(() => parseScenarioText("# nothing\n", "e.yaml", tree)).format()).toContain(
      "e.yaml:1:1  the file is empty; expected a mapping of scenario fields",
    );
    expect(issuesOf(() => parseScenarioText("- name: x\n", "l.yaml", tree)).format()).toContain(
      "l.yaml:1:1  expected a mapping of scenario fields (name, start, horizon, ...), got a list",
    );
  });

  it("says when a file is not UTF-8, with the position of the first bad byte", () => {
    const dir = join(treeDir, "..", "bytes");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "latin1.yaml");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(`${minimal}description: caf`), Buffer.from([0xe9, 0x0a])]),
    );
    const err = issuesOf(() => loadScenarioFile(file, { parametersDir: treeDir }));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ line: 4, column: 17 });
    expect(err.issues[0]!.message).toContain("not valid UTF-8");
    rmSync(dir, { recursive: true });
  });

  it("stops alias bombs and deep nesting with a message that says so", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    expect(issuesOf(() => parseScenarioText(bomb, "b.yaml", tree)).issues[0]!.message).toMatch(
      /^aliases \(\*name\) expand to too many values/,
    );
    const deep = `${minimal}policies: ${"[".repeat(100)}${"]".repeat(100)}\n`;
    expect(issuesOf(() => parseScenarioText(deep, "d.yaml", tree)).issues[0]!.message).toMatch(
      /^nested more than 32 levels deep/,
    );
  });

  it("treats a __proto__ key as an unknown field", () => {
    const err = issuesOf(() => parseScenarioText(`${minimal}__proto__: { seed: 5 }\n`, "p.yaml", tree));
    expect(err.format().split("\n")[0]).toMatch(/^p\.yaml:4:1 {2}__proto__: unknown field/);
  });

  it("names a missing scenario file", () => {
    const err = issuesOf(() => loadScenarioFile("no/such/file.yaml", { parametersDir: treeDir }));
    expect(err.format()).toBe("no/such/file.yaml  file not found\n1 error in 1 file");
  });

  it("reports a protection end for an unknown group and TPS nationalities on another group", () => {
    const text = `${minimal}policies:\n  - on: 2025-02-01\n    type: protection_end\n    group: tsp\n  - on: 2025-02-01\n    type: protection_end\n    group: daca\n    nationalities: [haiti]\n`;
    const lines = issuesOf(() => parseScenarioText(text, "p.yaml", tree))
      .format()
      .split("\n");
    expect(lines).toEqual([
      'p.yaml:7:5  policies[0].group: expected one of "tps", "daca", "parole_chnv", "parole_other", "pending_asylum", got "tsp"; did you mean "tps"?',
      'p.yaml:11:5  policies[1].nationalities: only TPS ends by nationality; group is "daca"; remove it',
      "2 errors in 1 file",
    ]);
  });

  it("rejects command-line values out of range", () => {
    const err = issuesOf(() => parseScenarioText(minimal, "s.yaml", tree, { scale: 0, replications: 1.5 }));
    expect(err.format().split("\n")).toEqual([
      "command line  --scale: expected a number with 0 < scale ≤ 1, got 0",
      "command line  --replications: expected a whole number ≥ 1, got 1.5",
      "2 errors in 1 file",
    ]);
  });
});

describe("parameter tree errors", () => {
  it("reports wrong units, kinds, keys, bounds, sums, sources, dates, and missing and stray files", () => {
    const dir = writeSyntheticTree();
    const write = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
    write(
      "detention/atd_capacity.yaml",
      [
        "description: Test.",
        "unit: people",
        "values:",
        "  2020-10-01: { value: -5, assumption: true, reason: Test. }",
        "  2019-10-01: { value: 5 }",
        "  2021-02-30: { value: 5, assumption: true, reason: Test. }",
        "colour: blue",
        "",
      ].join("\n"),
    );
    write(
      "border/dispositions.yaml",
      [
        "description: Test.",
        "unit: share",
        "values:",
        "  2020-10-01:",
        "    value: { returned_or_expelled: 0.5, expedited_removal: 0.3, detained_nta: 0.1, released_nta: 0.05, paroled: 0.01, remain_in_mexico: 0.01 }",
        "    reference: [{ title: T, href: https://example.org }]",
        "  2021-10-01:",
        "    value: 0.5",
        "    reference: []",
        "",
      ].join("\n"),
    );
    write("detention/bed.yaml", "description: x\n");
    rmSync(join(dir, "courts/judges.yaml"));
    const lines = issuesOf(() => loadParameterTree(dir))
      .format()
      .split("\n")
      .map((l) => l.replace(dir, "<tree>"));
    expect(lines).toEqual([
      `<tree>/border/dispositions.yaml:5:5  values["2020-10-01"].value: shares add up to 0.97, expected 1 (within 0.000001)`,
      `<tree>/border/dispositions.yaml:8:5  values["2021-10-01"].value: expected a mapping with the keys of "border_disposition": returned_or_expelled, expedited_removal, detained_nta, released_nta, paroled, remain_in_mexico, got 0.5`,
      `<tree>/border/dispositions.yaml:9:5  values["2021-10-01"].reference: the reference list is empty; list at least one {title, href}`,
      `<tree>/courts/judges.yaml  missing: the catalogue lists courts.judges (scalar, persons); create it with description, unit and values`,
      `<tree>/detention/atd_capacity.yaml:2:1  unit: expected "persons" (the catalogue's unit for detention.atd_capacity), got "people"; convert the values if needed`,
      `<tree>/detention/atd_capacity.yaml:4:17  values["2020-10-01"].value: expected a number ≥ 0 (persons), got -5`,
      `<tree>/detention/atd_capacity.yaml:5:3  values["2019-10-01"]: dates must be strictly ascending: 2019-10-01 comes after 2020-10-01; order the dates from earliest to latest, each once`,
      '<tree>/detention/atd_capacity.yaml:5:3  values["2019-10-01"]: no source: every value needs a reference or an assumption; add `reference: [{title, href}]`, or `assumption: true` with a `reason`',
      `<tree>/detention/atd_capacity.yaml:6:3  values["2021-02-30"]: expected a date as YYYY-MM-DD (a real calendar day), got "2021-02-30"`,
      `<tree>/detention/atd_capacity.yaml:7:1  colour: unknown field; allowed fields: description, unit, values, uncertainty`,
      `<tree>/detention/bed.yaml:1:1  "detention.bed" is not a parameter in the catalogue; did you mean detention/beds.yaml (detention.beds)?`,
      "11 errors in 4 files",
    ]);
    removeSyntheticTree(dir);
  });
});
