/**
 * The free parameters: parameters whose dated values are assumptions with a reason that names
 * docs/calibration.md, the parameter files' mark for "no source pins this down; fitted on FY2015-FY2019".
 * An assumption whose reason merely discusses calibration is not free.
 *
 * Each free parameter is fitted as one multiplier, so a parameter with several free dates keeps the ratios
 * between them. A scalar's free values are multiplied. A table of shares that sum to one (e.g. court
 * outcomes) has one degree of freedom here: its largest share on the first free date is multiplied and
 * the other shares are rescaled so the table still sums to one; the factor on the other shares is held in
 * the same range as the multiplier. The search range is the parameter's own
 * uncertainty range when it has one, else a factor of 4 either way, clipped to the catalogue's bounds.
 */
import { CATALOG, type CatalogEntry, type ParameterPath } from "../params/catalog.ts";
import type { Provenance, Uncertainty } from "../params/types.ts";

type Value = number | Readonly<Record<string, number>>;

/** The slice of a loaded parameter the calibration needs (a `TreeParameter` satisfies it). */
export interface ParameterRecord {
  readonly path: ParameterPath;
  readonly kind: "scalar" | "breakdown";
  readonly file: string;
  readonly values: readonly {
    readonly date: string;
    readonly value: Value;
    readonly provenance: Provenance;
  }[];
  readonly uncertainty?: Uncertainty;
}

export interface FreeEntry {
  readonly date: string;
  readonly value: Value;
  readonly reason: string;
}

export interface FreeParameter {
  readonly path: ParameterPath;
  readonly file: string;
  /** `scalar`: values are multiplied; `shares`: the `lead` share is multiplied, the others rescaled. */
  readonly kind: "scalar" | "shares";
  /** For `shares`: the key whose share the multiplier applies to. */
  readonly lead?: string;
  /** The dated entries the multiplier applies to, with their starting values. */
  readonly entries: readonly FreeEntry[];
  /** Multiplier bounds. */
  readonly lower: number;
  readonly upper: number;
}

const CALIBRATION_REASON = /docs\/calibration\.md/;
const DEFAULT_FACTOR = 4;

export function isFreeEntry(provenance: Provenance): boolean {
  return provenance.assumption && CALIBRATION_REASON.test(provenance.reason ?? "");
}

function multiplierRange(p: ParameterRecord): [number, number] {
  if (p.uncertainty && p.uncertainty.low > -1 && p.uncertainty.high > 0) {
    return [1 + p.uncertainty.low, 1 + p.uncertainty.high];
  }
  return [1 / DEFAULT_FACTOR, DEFAULT_FACTOR];
}

function freeEntries(p: ParameterRecord): FreeEntry[] {
  return p.values
    .filter((v) => isFreeEntry(v.provenance))
    .map((v) => ({ date: v.date, value: v.value, reason: v.provenance.reason ?? "" }));
}

export function findFreeParameters(parameters: Iterable<ParameterRecord>): FreeParameter[] {
  const free: FreeParameter[] = [];
  for (const p of parameters) {
    const entries = freeEntries(p);
    if (entries.length === 0) continue;
    const entry: CatalogEntry = CATALOG[p.path];
    let [lower, upper] = multiplierRange(p);
    if (entry.kind === "scalar") {
      const values = entries.map((e) => e.value as number);
      const largest = Math.max(...values);
      if (largest === 0) continue;
      if (entry.max !== undefined) upper = Math.min(upper, entry.max / largest);
      free.push({ path: p.path, file: p.file, kind: "scalar", entries, lower, upper: Math.max(upper, 1) });
    } else if (entry.sumsToOne) {
      const first = entries[0]!.value as Readonly<Record<string, number>>;
      const [lead, share] = Object.entries(first).reduce((a, b) => (b[1] > a[1] ? b : a));
      if (share <= 0) continue;
      // The other shares move together by (1 - s·m) / (1 - s); keep that factor inside the same range as
      // the multiplier, so no share in the table moves further than the lead may (and none reaches 0).
      const [factorLow, factorHigh] = [lower, upper];
      for (const e of entries) {
        const s = (e.value as Record<string, number>)[lead]!;
        if (s >= 1) continue;
        upper = Math.min(upper, (1 - factorLow * (1 - s)) / s);
        lower = Math.max(lower, (1 - factorHigh * (1 - s)) / s);
      }
      free.push({
        path: p.path,
        file: p.file,
        kind: "shares",
        lead,
        entries,
        lower,
        upper: Math.max(upper, 1),
      });
    }
  }
  return free.sort((a, b) => a.path.localeCompare(b.path));
}

/** Rounds a fitted value to 4 significant figures, so files do not carry spurious precision. */
export function roundFitted(value: number): number {
  if (value === 0) return 0;
  return Number(value.toPrecision(4));
}

/** A free entry's value under a multiplier, rounded as it will be written. */
export function scaledValue(p: FreeParameter, value: Value, multiplier: number): Value {
  if (typeof value === "number") return roundFitted(value * multiplier);
  const lead = p.lead!;
  const before = value[lead]!;
  const after = Math.min(1, before * multiplier);
  const rest = 1 - before;
  const out: Record<string, number> = {};
  let sum = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === lead) continue;
    out[k] = rest > 0 ? roundFitted((v * (1 - after)) / rest) : 0;
    sum += out[k];
  }
  // The lead share absorbs rounding so the table sums to one exactly.
  out[lead] = Number((1 - sum).toFixed(10));
  return Object.fromEntries(Object.keys(value).map((k) => [k, out[k]!]));
}

type OverrideEntry = { value: Value; assumption: true; reason: string };

/** Scenario overrides that apply multipliers to the free parameters' dated entries. */
export function overridesFor(
  free: readonly FreeParameter[],
  multipliers: readonly number[],
  reason: string,
): Record<string, Record<string, OverrideEntry>> {
  const out: Record<string, Record<string, OverrideEntry>> = {};
  free.forEach((p, i) => {
    const byDate: Record<string, OverrideEntry> = {};
    for (const e of p.entries) {
      byDate[e.date] = { value: scaledValue(p, e.value, multipliers[i]!), assumption: true, reason };
    }
    out[p.path] = byDate;
  });
  return out;
}

/** A value for a table cell: a number, or `key share` of the lead share. */
export function describeValue(p: FreeParameter, value: Value): string {
  if (typeof value === "number") return String(roundFitted(value));
  return `${p.lead} ${roundFitted(value[p.lead!]!)}`;
}
