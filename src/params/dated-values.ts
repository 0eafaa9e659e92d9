/**
 * Checks on dated values (parameter files and scenario overrides) that zod cannot express: real and
 * ascending dates, the catalogue's kind, key set, bounds and sums, and a source for every value.
 */
import { parseIsoDay } from "../util/dates.ts";
import { type CatalogEntry, KEY_SETS } from "./catalog.ts";
import type { Collector } from "./collector.ts";
import { keysInFileOrder, type PathSegment } from "./source.ts";
import { didYouMean } from "./suggest.ts";
import type { Provenance, Reference } from "./types.ts";

export const SHARE_TOLERANCE = 1e-6;

/** One value as read, with its ISO date (days are relative to a scenario's start, assigned later). */
export interface DatedEntry {
  readonly date: string;
  readonly value: number | Readonly<Record<string, number>>;
  readonly provenance: Provenance;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function isReference(v: unknown): v is Reference {
  return isObj(v) && typeof v.title === "string" && typeof v.href === "string";
}

/**
 * Reports a missing source: a value needs `reference` (a non-empty list) or `assumption: true` with a
 * non-empty `reason`. Returns the provenance when the fields are well-formed.
 */
export function checkProvenance(
  item: Obj,
  path: readonly PathSegment[],
  out: Collector,
  origin: Provenance["origin"],
): Provenance | undefined {
  const refs = Array.isArray(item.reference) ? item.reference.filter(isReference) : [];
  const assumption = item.assumption === true;
  const reason =
    typeof item.reason === "string" && item.reason.trim() !== "" ? item.reason.trim() : undefined;
  if (assumption) {
    if (reason === undefined) {
      // An empty reason is reported by the schema; a missing one here.
      if (item.reason === undefined) {
        out.error([...path, "assumption"], "an assumption needs a reason", 'add `reason: "..."` saying why');
      }
      return undefined;
    }
    return { references: refs, assumption, reason, origin };
  }
  if (refs.length > 0) return { references: refs, assumption, origin };
  if (reason !== undefined) {
    out.error(
      [...path, "reason"],
      "a reason is given but `assumption: true` is not",
      "add `assumption: true`",
    );
  } else if (Array.isArray(item.reference) && item.reference.length === 0) {
    out.error([...path, "reference"], "the reference list is empty", "list at least one {title, href}");
  } else if (!Array.isArray(item.reference)) {
    out.error(
      path,
      "no source: every value needs a reference or an assumption",
      "add `reference: [{title, href}]`, or `assumption: true` with a `reason`",
    );
  }
  return undefined;
}

function checkNumber(n: number, entry: CatalogEntry, path: readonly PathSegment[], out: Collector): boolean {
  const { min, max } = entry;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `between ${min} and ${max}`
        : min !== undefined
          ? `≥ ${min}`
          : `≤ ${max}`;
    out.expected(path, `a number ${range} (${entry.unit})`, n);
    return false;
  }
  return true;
}

/** Checks one value against the catalogue entry; true when it fits. */
export function checkValue(
  value: unknown,
  entry: CatalogEntry,
  path: readonly PathSegment[],
  out: Collector,
): boolean {
  if (entry.kind === "scalar") {
    if (typeof value !== "number") {
      out.expected(path, `one number (${entry.unit})`, value);
      return false;
    }
    return checkNumber(value, entry, path, out);
  }
  const keys = KEY_SETS[entry.keys] as readonly string[];
  if (!isObj(value)) {
    out.expected(path, `a mapping with the keys of "${entry.keys}": ${keys.join(", ")}`, value);
    return false;
  }
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      ok = false;
      out.error(
        [...path, key],
        `unknown key for "${entry.keys}"`,
        didYouMean(key, keys) ?? `keys: ${keys.join(", ")}`,
      );
    }
  }
  const missing = keys.filter((k) => !(k in value));
  if (missing.length > 0) {
    ok = false;
    out.error(
      path,
      `missing keys of "${entry.keys}": ${missing.join(", ")}`,
      "give a value for every key (0 if none)",
    );
  }
  for (const key of keys) {
    const n = value[key];
    if (typeof n === "number" && !checkNumber(n, entry, [...path, key], out)) ok = false;
  }
  if (ok && entry.sumsToOne) {
    const sum = keys.reduce((s, k) => s + (value[k] as number), 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
      ok = false;
      out.error(
        path,
        `shares add up to ${Number(sum.toPrecision(10))}, expected 1 (within ${SHARE_TOLERANCE})`,
      );
    }
  }
  return ok;
}

/**
 * Checks a `values`-style mapping (date → {value, source}) and returns its entries when all are valid.
 * `entry` is undefined when the parameter is not in the catalogue (then only the shape is checked).
 */
export function checkDatedValues(
  values: unknown,
  path: readonly PathSegment[],
  entry: CatalogEntry | undefined,
  out: Collector,
  origin: Provenance["origin"],
): DatedEntry[] | undefined {
  if (!isObj(values)) return undefined;
  const keys = keysInFileOrder(out.source, path, values);
  if (keys.length === 0) {
    out.error(path, "no dated values; expected at least one YYYY-MM-DD: {value, ...}");
    return undefined;
  }
  const entries: DatedEntry[] = [];
  let ok = true;
  let previous: { date: string; day: number } | undefined;
  for (const date of keys) {
    const here = [...path, date];
    const day = parseIsoDay(date);
    if (day === null) {
      ok = false;
      out.expected(here, "a date as YYYY-MM-DD (a real calendar day)", date);
    } else {
      if (previous && day <= previous.day) {
        ok = false;
        out.error(
          here,
          `dates must be strictly ascending: ${date} comes after ${previous.date}`,
          "order the dates from earliest to latest, each once",
        );
      }
      previous = { date, day };
    }
    const item = values[date];
    if (!isObj(item)) {
      ok = false;
      continue; // zod has reported the shape
    }
    if (entry && item.value !== undefined && !checkValue(item.value, entry, [...here, "value"], out))
      ok = false;
    const provenance = checkProvenance(item, here, out, origin);
    if (!provenance) ok = false;
    if (ok && provenance && (typeof item.value === "number" || isObj(item.value))) {
      entries.push({ date, value: item.value as DatedEntry["value"], provenance });
    }
  }
  return ok ? entries : undefined;
}
