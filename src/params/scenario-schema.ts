/** The scenario file schema (snake_case, as written) and its JSON Schema for editors. */
import { z } from "zod";
import { CATALOG, type CatalogEntry, KEY_SETS, PARAMETER_PATHS } from "./catalog.ts";
import { datedValues, isoDate, nonEmptyText, numberIn, provenanceFields, wholeNumber } from "./fields.ts";
import { policySchema } from "./policies.ts";

export const SCENARIO_DEFAULTS = {
  description: "",
  scale: 0.01,
  seed: 1,
  replications: 10,
  accounting: { detention: "occupied_bed_day", courts: "per_completion" },
} as const;

const horizon = z.union(
  [
    z.strictObject({ years: wholeNumber(1).describe("whole years from the start date") }),
    z.strictObject({ days: wholeNumber(1).describe("days from the start date") }),
  ],
  { error: "expected { years: N } or { days: N }" },
);

const studyLine = z.strictObject({
  line: nonEmptyText("the study's line name"),
  value: z.number({ error: "expected a number" }),
  unit: nonEmptyText("a unit"),
  tag: z.enum(["P", "S", "I"]).describe("[P] published, [S] secondary, [I] implied"),
  stages: z
    .array(z.string({ error: "expected a stage name" }))
    .describe("model cost stages that sum to this line"),
  tolerance: numberIn("a relative tolerance ≥ 0", 0),
  note: z.string().optional(),
});

/** For validation: any catalogue path, any dated value; kinds, keys and bounds are checked with the catalogue. */
const checkedOverrides = z.partialRecord(z.enum(PARAMETER_PATHS as [string, ...string[]]), datedValues);

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

function valueSchemaFor(entry: CatalogEntry) {
  const bounded = () => numberIn(entry.unit, entry.min, entry.max);
  if (entry.kind === "scalar") return bounded();
  const keys = KEY_SETS[entry.keys] as readonly string[];
  const table = z.strictObject(Object.fromEntries(keys.map((k) => [k, bounded()])));
  return entry.sumsToOne ? table.describe("shares adding up to 1") : table;
}

/** For editors: each catalogue path with the shape of its value (scalar or the exact keys) and its unit. */
function editorOverrides() {
  const shape = Object.fromEntries(
    PARAMETER_PATHS.map((path) => {
      const entry = CATALOG[path];
      const dated = z.strictObject({ value: valueSchemaFor(entry), ...provenanceFields });
      return [
        path,
        z.record(z.string().regex(DATE_KEY), dated).optional().describe(`${entry.kind}, ${entry.unit}`),
      ];
    }),
  );
  return z.strictObject(shape);
}

function scenarioSchema<O extends z.ZodType>(overrides: O) {
  return z
    .strictObject({
      $schema: z.string().optional(),
      name: nonEmptyText("a name (non-empty text)"),
      description: z.string({ error: "expected text" }).default(SCENARIO_DEFAULTS.description),
      start: isoDate().describe("day 0 of the run"),
      horizon,
      scale: numberIn("a number with 0 < scale ≤ 1", 0, 1, true)
        .default(SCENARIO_DEFAULTS.scale)
        .describe("agents per person; results are reported at full scale"),
      seed: wholeNumber().default(SCENARIO_DEFAULTS.seed),
      replications: wholeNumber(1).default(SCENARIO_DEFAULTS.replications),
      target: z.strictObject({ removals: numberIn("a number of removals ≥ 0", 0).optional() }).optional(),
      accounting: z
        .strictObject({
          detention: z.enum(["occupied_bed_day", "capacity_held"]).default("occupied_bed_day"),
          courts: z.enum(["per_completion", "capacity_held"]).default("per_completion"),
        })
        .optional(),
      overrides: overrides.optional().describe("dated values that replace or add to the parameter tree's"),
      policies: z.array(policySchema, { error: "expected a list of policy events" }).default([]),
      study: z
        .strictObject({
          title: nonEmptyText("a title"),
          href: z.string({ error: "expected a URL" }),
          lines: z.array(studyLine).default([]),
        })
        .optional(),
    })
    .describe("An immsim scenario: a start, a horizon, parameter overrides and dated policy events");
}

export const scenarioFileSchema = scenarioSchema(checkedOverrides);

export type ScenarioInput = z.output<typeof scenarioFileSchema>;

/** JSON Schema (draft 2020-12) of scenario files, as the user writes them (defaults are optional). */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(scenarioSchema(editorOverrides()), {
    io: "input",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return { ...schema, $id: "https://github.com/immsim/immsim/immsim.schema.json", title: "immsim scenario" };
}
