/**
 * Zod building blocks shared by parameter and scenario files. Each carries its own "expected ..." message,
 * so that errors read the same everywhere and the JSON Schema gets a description.
 */
import { z } from "zod";

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function expected(what: string) {
  return { error: `expected ${what}` };
}

/** A whole number ≥ `min`. */
export function wholeNumber(min = 0) {
  const what = `a whole number ≥ ${min}`;
  return z.number(expected(what)).int(expected(what)).min(min, expected(what)).describe(what);
}

/** A finite number, optionally bounded. */
export function numberIn(what: string, min?: number, max?: number, exclusiveMin = false) {
  let n = z.number(expected(what));
  if (min !== undefined) n = exclusiveMin ? n.gt(min, expected(what)) : n.min(min, expected(what));
  if (max !== undefined) n = n.max(max, expected(what));
  return n.describe(what);
}

export const share = () => numberIn("a share between 0 and 1", 0, 1);
export const nonNegative = (what = "a number ≥ 0") => numberIn(what, 0);
export const nonEmptyText = (what = "non-empty text") =>
  z.string(expected(what)).trim().min(1, expected(what));

/** An ISO calendar date as text; whether the date exists is checked with the other semantic checks. */
export const isoDate = () =>
  z
    .string(expected("a date as YYYY-MM-DD"))
    .regex(ISO_DATE_PATTERN, expected("a date as YYYY-MM-DD"))
    .describe("a date as YYYY-MM-DD");

export const reference = z
  .strictObject({
    title: nonEmptyText("a title (non-empty text)"),
    href: z
      .string(expected("a URL (http:// or https://)"))
      .regex(/^https?:\/\/\S+$/, expected("a URL (http:// or https://)")),
  })
  .describe("a published source");

/** Named (`id`) so that the JSON Schema defines it once and refers to it from every dated value. */
export const references = z
  .array(reference, expected("a list of {title, href}"))
  .meta({ id: "references", description: "published sources" });

/** Fields by which anything dated says where it comes from. */
export const provenanceFields = {
  reference: references.optional(),
  assumption: z.boolean(expected("true or false")).optional(),
  reason: nonEmptyText("the reason for the assumption (non-empty text)").optional(),
  note: z.string(expected("text")).optional(),
};

/** A dated value in a parameter file or a scenario override: one number, or a table of numbers by key. */
export const datedValue = z.strictObject({
  value: z.union(
    [z.number(), z.record(z.string(), z.number())],
    expected("a number, or a mapping of key: number"),
  ),
  ...provenanceFields,
});
export type DatedValueInput = z.infer<typeof datedValue>;

/** `{ "2025-10-01": { value, reference | assumption + reason } }`. */
export const datedValues = z.record(
  z.string(),
  datedValue,
  expected("a mapping of YYYY-MM-DD: {value, ...}"),
);

export const uncertainty = z.strictObject({
  distribution: z.enum(["triangular", "uniform", "normal", "lognormal"]),
  low: z.number(expected("a number (relative: the value is multiplied by 1 + low)")),
  mode: z.number(expected("a number (relative)")).optional(),
  high: z.number(expected("a number (relative: the value is multiplied by 1 + high)")),
  ...provenanceFields,
});
export type UncertaintyInput = z.infer<typeof uncertainty>;
