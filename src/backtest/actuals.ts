/**
 * The historical figures (data/actuals/fy2012-fy2024.yaml): loaded, validated against the metric list and
 * returned as plain lookups. Every value keeps its source URL and reliability tag so reports can cite them.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { METRIC_NAMES, type MetricName } from "./metrics.ts";

export const DEFAULT_ACTUALS_FILE = fileURLToPath(
  new URL("../../data/actuals/fy2012-fy2024.yaml", import.meta.url),
);

const RELIABILITY = ["official", "research", "press", "low", "derived"] as const;
export type Reliability = (typeof RELIABILITY)[number];

const actualValueSchema = z.strictObject({
  value: z.number().nonnegative(),
  reliability: z.enum(RELIABILITY),
  source: z.url(),
  note: z.string().optional(),
});

const fiscalYearKey = z.string().regex(/^FY20(1[2-9]|2[0-4])$/, "a fiscal year from FY2012 to FY2024");

const metricSchema = z.strictObject({
  description: z.string().min(1),
  unit: z.string().min(1),
  values: z.record(fiscalYearKey, actualValueSchema),
});

const fileSchema = z.strictObject({
  description: z.string(),
  metrics: z.partialRecord(z.enum(METRIC_NAMES), metricSchema),
});

export type ActualValue = z.infer<typeof actualValueSchema>;

export interface Actuals {
  readonly file: string;
  get(metric: MetricName, fiscalYear: number): ActualValue | undefined;
  metrics(): readonly MetricName[];
  describe(metric: MetricName): { readonly description: string; readonly unit: string } | undefined;
}

export function actualsFromObject(obj: unknown, file: string): Actuals {
  const parsed = fileSchema.safeParse(obj);
  if (!parsed.success) {
    throw new Error(
      `${file}: invalid actuals file\n${z.prettifyError(parsed.error)}\n` +
        `Each metric (one of ${METRIC_NAMES.join(", ")}) needs description, unit and values keyed FY2012..FY2024, ` +
        "each with value, reliability and source.",
    );
  }
  const metrics = parsed.data.metrics;
  return {
    file,
    get: (metric, fy) => metrics[metric]?.values[`FY${fy}`],
    metrics: () => METRIC_NAMES.filter((m) => metrics[m] !== undefined),
    describe: (metric) => {
      const m = metrics[metric];
      return m ? { description: m.description, unit: m.unit } : undefined;
    },
  };
}

export function loadActuals(file: string = DEFAULT_ACTUALS_FILE): Actuals {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`${file}: cannot read the actuals file (${(err as Error).message})`);
  }
  let obj: unknown;
  try {
    obj = parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid YAML (${(err as Error).message})`);
  }
  return actualsFromObject(obj, file);
}
