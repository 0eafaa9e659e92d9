/** One parameter file (`parameters/<path as folders>.yaml`): read, check against its catalogue entry. */
import { z } from "zod";
import { CATALOG, type CatalogEntry, type ParameterPath } from "./catalog.ts";
import { Collector } from "./collector.ts";
import { checkDatedValues, checkProvenance, type DatedEntry } from "./dated-values.ts";
import { datedValues, nonEmptyText, uncertainty as uncertaintySchema } from "./fields.ts";
import type { ValidationIssue } from "./issues.ts";
import { parseYaml, type Source } from "./source.ts";
import type { Uncertainty } from "./types.ts";
import { parseWith } from "./zod-issues.ts";

/** A parameter as read from the tree; dates are ISO text until a scenario gives them a start. */
export interface TreeParameter {
  readonly path: ParameterPath;
  readonly description: string;
  readonly unit: string;
  readonly kind: "scalar" | "breakdown";
  readonly values: readonly DatedEntry[];
  readonly uncertainty?: Uncertainty;
  /** Path relative to the folder above `parameters/`, e.g. `parameters/detention/beds.yaml`. */
  readonly file: string;
}

export interface ParameterTree {
  /** Absolute path of the parameters folder. */
  readonly dir: string;
  readonly parameters: ReadonlyMap<ParameterPath, TreeParameter>;
}

const parameterFileSchema = z.strictObject({
  description: nonEmptyText("a description (non-empty text)"),
  unit: nonEmptyText("a unit (non-empty text)"),
  values: datedValues,
  uncertainty: uncertaintySchema.optional(),
});

export const PARAMETER_FILE_SHAPE = "a mapping with description, unit and values";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function checkUncertainty(raw: unknown, out: Collector): Uncertainty | undefined {
  if (!isObj(raw)) return undefined;
  const path = ["uncertainty"];
  const provenance = checkProvenance(raw, path, out, "parameters");
  const { distribution, low, mode, high } = raw;
  if (typeof low !== "number" || typeof high !== "number" || typeof distribution !== "string")
    return undefined;
  let ok = provenance !== undefined;
  if (low <= -1) {
    ok = false;
    out.expected(
      [...path, "low"],
      "a number > -1 (the value is multiplied by 1 + low, which must stay positive)",
      low,
    );
  }
  if (low > high) {
    ok = false;
    out.error([...path, "high"], `high (${high}) is below low (${low})`, "swap them");
  }
  if (typeof mode === "number" && (mode < low || mode > high)) {
    ok = false;
    out.expected([...path, "mode"], `a number between low (${low}) and high (${high})`, mode);
  }
  if (distribution === "triangular" && mode === undefined) {
    ok = false;
    out.error(path, "a triangular distribution needs a mode", "add `mode:` (0 for the dated value itself)");
  }
  if (!ok || !provenance) return undefined;
  const base = {
    distribution: distribution as Uncertainty["distribution"],
    low,
    high,
    assumption: provenance.assumption,
    references: provenance.references,
  };
  return {
    ...base,
    ...(typeof mode === "number" ? { mode } : {}),
    ...(provenance.reason !== undefined ? { reason: provenance.reason } : {}),
  };
}

/** Checks an already parsed parameter source; `path` is its catalogue path when known. */
export function checkParameterSource(
  source: Source,
  path: ParameterPath | undefined,
  relativeFile: string,
): { parameter?: TreeParameter; issues: ValidationIssue[] } {
  const out = new Collector(source);
  parseWith(parameterFileSchema, source.data, out);
  const data = source.data;
  if (!isObj(data)) return { issues: out.issues };
  const entry: CatalogEntry | undefined = path ? CATALOG[path] : undefined;
  if (entry && typeof data.unit === "string" && data.unit.trim() !== entry.unit) {
    out.expected(
      ["unit"],
      `"${entry.unit}" (the catalogue's unit for ${path})`,
      data.unit,
      "convert the values if needed",
    );
  }
  const values = checkDatedValues(data.values, ["values"], entry, out, "parameters");
  const uncertainty = data.uncertainty === undefined ? undefined : checkUncertainty(data.uncertainty, out);
  if (out.errorCount > 0 || !entry || !path || !values) return { issues: out.issues };
  const parameter: TreeParameter = {
    path,
    description: String(data.description).trim(),
    unit: entry.unit,
    kind: entry.kind,
    values,
    ...(uncertainty ? { uncertainty } : {}),
    file: relativeFile,
  };
  return { parameter, issues: out.issues };
}

export function checkParameterText(
  text: string,
  label: string,
  path: ParameterPath | undefined,
  relativeFile: string,
): { parameter?: TreeParameter; issues: ValidationIssue[] } {
  const { source, issues } = parseYaml(text, label, PARAMETER_FILE_SHAPE);
  if (issues.length > 0) return { issues };
  return checkParameterSource(source, path, relativeFile);
}
