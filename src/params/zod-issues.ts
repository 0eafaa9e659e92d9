/**
 * Runs a zod schema over plain data and turns its issues into located, readable ones: every field a
 * message of the form "expected ..., got ...", unknown fields and values with a "did you mean".
 */
import { z } from "zod";
import type { Collector } from "./collector.ts";
import type { PathSegment, Plain } from "./source.ts";
import { byCloseness, didYouMean } from "./suggest.ts";

/** Marks a message that carries the allowed keys of an object, decoded below. */
const ALLOWED = "\u0000allowed:";

function allowedKeys(inst: unknown): string[] {
  if (inst instanceof z.ZodObject) return Object.keys(inst.shape);
  if (inst instanceof z.ZodRecord && inst.keyType instanceof z.ZodEnum)
    return inst.keyType.options.map(String);
  return [];
}

function typeWord(expected: string): string {
  switch (expected) {
    case "number":
      return "a number";
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "object":
      return "a mapping";
    case "array":
      return "a list";
    default:
      return expected;
  }
}

const errorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case "unrecognized_keys":
      return `${ALLOWED}${JSON.stringify(allowedKeys(iss.inst))}`;
    case "invalid_type":
      return `expected ${typeWord(iss.expected)}`;
    case "too_small":
      return `expected ${iss.origin === "array" ? "a list with at least" : "at least"} ${String(iss.minimum)}${iss.origin === "array" ? " items" : ""}`;
    case "too_big":
      return `expected at most ${String(iss.maximum)}`;
    default:
      return undefined;
  }
};

/** A short list of allowed values, nearest to what was written first. */
function listChoices(found: unknown, values: readonly string[]): string {
  const ordered = typeof found === "string" ? byCloseness(found, values) : [...values];
  const shown = ordered.slice(0, 24).map((v) => `"${v}"`);
  return ordered.length > 24 ? `${shown.join(", ")}, ... (${ordered.length} in all)` : shown.join(", ");
}

function valueAt(data: Plain | undefined, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return cur;
}

/** Parses `data` with `schema`; reports every issue to `out`; returns the parsed value when there were none. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  data: Plain | undefined,
  out: Collector,
  prefix: readonly PathSegment[] = [],
): T | undefined {
  const result = schema.safeParse(data, { error: errorMap, reportInput: true });
  if (result.success) return result.data;
  for (const iss of result.error.issues) reportIssue(iss, [], data, out, prefix);
  return undefined;
}

const isPlainObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/** One zod issue at `base` (the path, within `data`, of the schema that raised it) to located messages. */
function reportIssue(
  iss: z.core.$ZodIssue,
  base: readonly PathSegment[],
  data: Plain | undefined,
  out: Collector,
  prefix: readonly PathSegment[],
): void {
  const rel = [...base, ...(iss.path as PathSegment[])];
  const path = [...prefix, ...rel];
  const found = valueAt(data, rel);
  if (iss.code === "unrecognized_keys") {
    const allowed = iss.message.startsWith(ALLOWED)
      ? (JSON.parse(iss.message.slice(ALLOWED.length)) as string[])
      : [];
    for (const key of iss.keys) {
      const hint =
        didYouMean(key, allowed) ??
        (allowed.length > 0 ? `allowed fields: ${allowed.join(", ")}` : undefined);
      out.error([...path, key], "unknown field", hint);
    }
  } else if (iss.code === "invalid_union" && iss.discriminator !== undefined) {
    const options = ((iss as { options?: readonly unknown[] }).options ?? []).map(String);
    const value = (found as Record<string, unknown> | undefined)?.[iss.discriminator] ?? found;
    const at = path[path.length - 1] === iss.discriminator ? path : [...path, iss.discriminator];
    const hint = typeof value === "string" ? didYouMean(value, options) : undefined;
    out.expected(at, `one of ${listChoices(value, options)}`, value, hint);
  } else if (iss.code === "invalid_union" && isPlainObject(found) && iss.errors.length > 0) {
    // A mapping that fits no alternative: report the mistakes against the alternative it is closest to
    // (fewest issues; the first on a tie), which names the misspelt or missing field.
    const closest = iss.errors.reduce((best, e) => (e.length < best.length ? e : best));
    for (const sub of closest) reportIssue(sub, rel, data, out, prefix);
  } else if (iss.code === "invalid_key") {
    const inner = iss.issues.find((x) => x.message.startsWith("expected "));
    const what = inner ? inner.message.slice("expected ".length) : "a valid key";
    out.expected(path, what, String(path[path.length - 1]));
  } else if (iss.code === "invalid_value") {
    const values = iss.values.map(String);
    const hint = typeof found === "string" ? didYouMean(found, values) : undefined;
    const what = values.length === 1 ? `"${values[0]}"` : `one of ${listChoices(found, values)}`;
    out.expected(path, what, found, hint);
  } else if (iss.message.startsWith("expected ")) {
    out.expected(path, iss.message.slice("expected ".length), found);
  } else {
    out.error(path, iss.message);
  }
}
