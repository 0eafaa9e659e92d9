/**
 * Property tests: mutated, random and hostile inputs end in a ValidationError (never another exception,
 * never a hang), and every error of a file points at a line and column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { CATALOG } from "../../src/params/catalog.ts";
import {
  loadParameterTree,
  loadScenarioFile,
  type ParameterTree,
  parseScenarioText,
  ValidationError,
} from "../../src/params/index.ts";
import { checkParameterText } from "../../src/params/parameter-file.ts";
import type { Scenario } from "../../src/params/types.ts";
import { syntheticParameterFile, writeSyntheticTree } from "./support/synthetic-tree.ts";

const EXAMPLE_TEXT = readFileSync("scenarios/example.yaml", "utf8");
type Data = Record<string, unknown>;
const example = (): Data => parse(EXAMPLE_TEXT) as Data;

let treeDir: string;
let tree: ParameterTree;
let scratch: string;
beforeAll(() => {
  treeDir = writeSyntheticTree();
  tree = loadParameterTree(treeDir);
  scratch = mkdtempSync(join(tmpdir(), "immsim-fuzz-"));
});
afterAll(() => {
  rmSync(dirname(treeDir), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs the loader; returns the scenario or the ValidationError; anything else fails the property. */
function attempt(text: string): Scenario | ValidationError {
  try {
    return parseScenarioText(text, "fuzz.yaml", tree);
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
}

function expectLocatedErrors(result: Scenario | ValidationError): void {
  expect(result).toBeInstanceOf(ValidationError);
  const err = result as ValidationError;
  const errors = err.issues.filter((i) => i.severity === "error");
  expect(errors.length).toBeGreaterThan(0);
  for (const issue of errors) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.column).toBeGreaterThanOrEqual(1);
  }
}

/** The policy list; a stand-in when an earlier mutation replaced the list (the file is invalid already). */
const policies = (d: Data): Data[] =>
  Array.isArray(d.policies) ? (d.policies as Data[]) : Array.from({ length: 21 }, () => ({}));
const weird = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => Number.isNaN(Number(s))),
  fc.constant(null),
  fc.constant([1, 2]),
  fc.constant({ nested: { deeper: true } }),
  fc.constant(true),
);

/** Mutations that each make the example invalid, with a description for failure messages. */
type Mutation = [string, (d: Data) => void];
const invalidMutation: fc.Arbitrary<Mutation> = fc.oneof<fc.Arbitrary<Mutation>[]>(
  fc.tuple(fc.constantFrom("name", "start", "horizon"), fc.constant(0)).map(
    ([field]): Mutation => [
      `drop ${field}`,
      (d: Data) => {
        delete d[field];
      },
    ],
  ),
  fc.tuple(fc.nat(20), fc.stringMatching(/^[a-z_]{3,12}$/)).map(
    ([i, key]): Mutation => [
      `extra key ${key} on policy ${i}`,
      (d: Data) => {
        const p = policies(d)[i]!;
        if (!(key in p)) p[`x_${key}`] = 1;
        else p.x_extra = 1;
      },
    ],
  ),
  fc.stringMatching(/^[a-z_]{1,12}$/).map(
    (key): Mutation => [
      `extra root key ${key}`,
      (d: Data) => {
        d[`zz_${key}`] = "x";
      },
    ],
  ),
  fc.tuple(fc.nat(20), weird).map(
    ([i, value]): Mutation => [
      `policy ${i} date replaced`,
      (d: Data) => {
        policies(d)[i]!.on = value;
      },
    ],
  ),
  fc.tuple(fc.constantFrom("beds_added", "atd_capacity", "national_guard"), fc.integer({ max: -1 })).map(
    ([type, n]): Mutation => [
      `negative capacity in ${type}`,
      (d: Data) => {
        const p = policies(d).find((x) => x.type === type) ?? {};
        const field = type === "beds_added" ? "ramp_days" : type === "atd_capacity" ? "capacity" : "members";
        p[field] = n;
      },
    ],
  ),
  fc.tuple(fc.nat(20), weird).map(
    ([i, value]): Mutation => [
      `policy ${i} type replaced`,
      (d: Data) => {
        policies(d)[i]!.type = value;
      },
    ],
  ),
  fc.constantFrom(Number.POSITIVE_INFINITY, -1, 1.5, 0).map(
    (n): Mutation => [
      `scale ${n}`,
      (d: Data) => {
        d.scale = n;
      },
    ],
  ),
  fc.constant<Mutation>([
    "override dates out of order",
    (d: Data) => {
      const o = d.overrides as Data;
      o["courts.completions_per_judge_year"] = {
        "2026-10-01": { value: 1, assumption: true, reason: "r" },
        "2025-10-01": { value: 2, assumption: true, reason: "r" },
      };
    },
  ]),
  fc.constant<Mutation>([
    "breakdown with a missing key",
    (d: Data) => {
      const o = d.overrides as Data;
      const v = (o["detention.cost_per_bed_day"] as Data)["2026-10-01"] as Data;
      delete (v.value as Data).family;
    },
  ]),
  fc.constant<Mutation>([
    "policies is a mapping",
    (d: Data) => {
      d.policies = { a: 1 };
    },
  ]),
);

describe("mutated scenario files", () => {
  it("the unmutated example is valid", () => {
    expect(attempt(EXAMPLE_TEXT)).not.toBeInstanceOf(ValidationError);
  });

  it("every invalid mutation ends in located validation errors", () => {
    fc.assert(
      fc.property(fc.array(invalidMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const d = example();
        for (const [, apply] of mutations) apply(d);
        expectLocatedErrors(attempt(stringify(d)));
      }),
      { numRuns: 100 },
    );
  });

  it("a value replaced anywhere gives a scenario or located errors, never another exception", () => {
    const leafPaths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, [...path, i]);
      } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      else leafPaths.push(path);
    };
    walk(example(), []);
    const anyValue = fc.oneof(
      weird,
      fc.double(),
      fc.integer(),
      fc.constant(1e308),
      fc.constant("2025-02-30"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...leafPaths), anyValue, (path, value) => {
        const d = example();
        let cur = d as Record<string | number, unknown>;
        for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
        cur[path.at(-1)!] = value;
        const result = attempt(stringify(d));
        if (result instanceof ValidationError) expectLocatedErrors(result);
      }),
      { numRuns: 100 },
    );
  });

  it("edited text (characters inserted or deleted) gives a scenario or located errors", () => {
    fc.assert(
      fc.property(
        fc.nat(EXAMPLE_TEXT.length - 1),
        fc.nat(20),
        fc.string({ maxLength: 6, unit: "binary" }),
        (at, cut, insert) => {
          const text = EXAMPLE_TEXT.slice(0, at) + insert + EXAMPLE_TEXT.slice(at + cut);
          const result = attempt(text);
          if (result instanceof ValidationError) expectLocatedErrors(result);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("hostile input", () => {
  it("random bytes in a file end in a ValidationError", () => {
    const file = join(scratch, "random.yaml");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        writeFileSync(file, bytes);
        expect(() => loadScenarioFile(file, { parametersDir: treeDir })).toThrow(ValidationError);
      }),
      { numRuns: 100 },
    );
  });

  it("random text ends in located validation errors", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => expectLocatedErrors(attempt(text))),
      { numRuns: 100 },
    );
  });

  it("deep nesting, alias bombs and huge numbers end in located validation errors", () => {
    const minimal = "name: t\nstart: 2025-01-20\nhorizon: { years: 1 }\n";
    const cases = [
      `${minimal}policies: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
      `${minimal}policies: ${"{a: ".repeat(2000)}1${"}".repeat(2000)}\n`,
      `${minimal}policies:\n${Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i + 1)}- `).join("\n")}x\n`,
      `${minimal}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      `${minimal}scale: 1e400\n`,
      `${minimal}seed: 123456789012345678901234567890\n`,
      `${minimal}replications: .nan\n`,
      `${minimal}policies: *undefined_anchor\n`,
      `${minimal}---\nname: second\n`,
      "\uFEFF\u0000\u0001",
    ];
    for (const text of cases) expectLocatedErrors(attempt(text));
  });
});

describe("mutated parameter files", () => {
  const entries = Object.entries(CATALOG);
  it("a valid synthetic file passes, and mutated ones give located errors, never another exception", () => {
    const [path, entry] = entries.find(([p]) => p === "detention.beds")!;
    const ok = checkParameterText(
      syntheticParameterFile(entry),
      "p.yaml",
      path as "detention.beds",
      "p.yaml",
    );
    expect(ok.issues).toEqual([]);
    fc.assert(
      fc.property(
        fc.constantFrom(...entries),
        fc.constantFrom("unit", "values", "description", "extra", "date", "value", "source"),
        weird,
        ([p, e], what, value) => {
          // A description replaced by other text is still a description.
          fc.pre(!(what === "description" && typeof value === "string" && value.trim() !== ""));
          const d = parse(syntheticParameterFile(e)) as Data;
          const values = d.values as Data;
          const first = values["2015-10-01"] as Data;
          if (what === "extra") d.colour = value;
          else if (what === "date") values["2015-13-01"] = first;
          else if (what === "value") first.value = value;
          else if (what === "source") delete first.assumption;
          else d[what] = value;
          const result = checkParameterText(stringify(d), "p.yaml", p as "detention.beds", "p.yaml");
          const errors = result.issues.filter((i) => i.severity === "error");
          expect(errors.length).toBeGreaterThan(0);
          expect(result.parameter).toBeUndefined();
          for (const i of errors) expect(i.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
