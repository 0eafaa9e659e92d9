/**
 * The free parameters: scalar parameters whose dated values are assumptions with a reason that names
 * docs/calibration.md, the parameter files' mark for "no source pins this down; fitted on FY2015-FY2019".
 * An assumption whose reason merely discusses calibration (e.g. "calibration can hardly identify it")
 * is not free. Each is fitted as one multiplier on those dated values, so a
 * parameter with several dates keeps the ratios between them; the search range is the parameter's own
 * uncertainty range when it has one, else a factor of 4 either way, clipped to the catalogue's bounds.
 */
import { CATALOG, type CatalogEntry, type ParameterPath } from "../params/catalog.ts";
import type { Provenance, Uncertainty } from "../params/types.ts";

/** The slice of a loaded parameter the calibration needs (a `TreeParameter` satisfies it). */
export interface ParameterRecord {
  readonly path: ParameterPath;
  readonly kind: "scalar" | "breakdown";
  readonly file: string;
  readonly values: readonly {
    readonly date: string;
    readonly value: number | Readonly<Record<string, number>>;
    readonly provenance: Provenance;
  }[];
  readonly uncertainty?: Uncertainty;
}

export interface FreeParameter {
  readonly path: ParameterPath;
  readonly file: string;
  /** The dated entries the multiplier applies to, with their starting values. */
  readonly entries: readonly { readonly date: string; readonly value: number; readonly reason: string }[];
  /** Multiplier bounds. */
  readonly lower: number;
  readonly upper: number;
}

const CALIBRATION_REASON = /docs\/calibration\.md/;
const DEFAULT_FACTOR = 4;

export function isFreeEntry(provenance: Provenance): boolean {
  return provenance.assumption && CALIBRATION_REASON.test(provenance.reason ?? "");
}

export function findFreeParameters(parameters: Iterable<ParameterRecord>): FreeParameter[] {
  const free: FreeParameter[] = [];
  for (const p of parameters) {
    if (p.kind !== "scalar") continue;
    const entries = p.values
      .filter((v) => typeof v.value === "number" && isFreeEntry(v.provenance))
      .map((v) => ({ date: v.date, value: v.value as number, reason: v.provenance.reason ?? "" }));
    if (entries.length === 0 || entries.every((e) => e.value === 0)) continue;
    let lower = 1 / DEFAULT_FACTOR;
    let upper = DEFAULT_FACTOR;
    if (p.uncertainty && p.uncertainty.low > -1 && p.uncertainty.high > 0) {
      lower = 1 + p.uncertainty.low;
      upper = 1 + p.uncertainty.high;
    }
    const entry: CatalogEntry = CATALOG[p.path];
    const largest = Math.max(...entries.map((e) => e.value));
    if (entry.max !== undefined && largest > 0) upper = Math.min(upper, entry.max / largest);
    free.push({ path: p.path, file: p.file, entries, lower, upper: Math.max(upper, 1) });
  }
  return free.sort((a, b) => a.path.localeCompare(b.path));
}

/** Rounds a fitted value to 4 significant figures, so files do not carry spurious precision. */
export function roundFitted(value: number): number {
  if (value === 0) return 0;
  return Number(value.toPrecision(4));
}

/** Scenario overrides that apply multipliers to the free parameters' dated entries. */
export function overridesFor(
  free: readonly FreeParameter[],
  multipliers: readonly number[],
  reason: string,
): Record<string, Record<string, { value: number; assumption: true; reason: string }>> {
  const out: Record<string, Record<string, { value: number; assumption: true; reason: string }>> = {};
  free.forEach((p, i) => {
    const byDate: Record<string, { value: number; assumption: true; reason: string }> = {};
    for (const e of p.entries)
      byDate[e.date] = { value: roundFitted(e.value * multipliers[i]!), assumption: true, reason };
    out[p.path] = byDate;
  });
  return out;
}
