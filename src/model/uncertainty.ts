/**
 * Monte Carlo draws of parameter uncertainty: one multiplier (1 + x) per parameter with an `uncertainty`
 * block, x drawn from its distribution, applied to every dated value from the parameter tree. Values a
 * scenario sets in `overrides` are the scenario's stated assumptions (a study preset's unit costs, say) and
 * are kept as written: the tree's uncertainty describes the tree's sources, not the scenario's choices.
 * Shares stay within their bounds and shares that must add up to one are renormalised.
 */
import { CATALOG, type CatalogEntry } from "../params/catalog.ts";
import { resolvedParameters } from "../params/resolved.ts";
import type { DatedValue, ParameterInfo, ResolvedParameters, Uncertainty } from "../params/types.ts";
import { normal, type RandomStream, uniform } from "./engine.ts";

function normalDraw(rng: RandomStream, mean: number, sd: number): number {
  return sd > 0 ? normal(rng, mean, sd) : mean;
}

export function drawRelative(rng: RandomStream, u: Uncertainty): number {
  const lo = u.low;
  const hi = u.high;
  switch (u.distribution) {
    case "uniform":
      return uniform(rng, lo, hi);
    case "triangular": {
      const mode = Math.min(hi, Math.max(lo, u.mode ?? (lo + hi) / 2));
      if (hi <= lo) return lo;
      const r = rng.next();
      const f = (mode - lo) / (hi - lo);
      return r < f
        ? lo + Math.sqrt(r * (hi - lo) * (mode - lo))
        : hi - Math.sqrt((1 - r) * (hi - lo) * (hi - mode));
    }
    case "normal": {
      // low and high are read as a central 95% interval.
      const mean = u.mode ?? (lo + hi) / 2;
      return Math.min(hi * 2, Math.max(-0.99, normalDraw(rng, mean, (hi - lo) / 3.92)));
    }
    case "lognormal": {
      // The multiplier (1 + x) is lognormal with (1 + low, 1 + high) as its central 95% interval.
      const a = Math.log(Math.max(1e-9, 1 + lo));
      const b = Math.log(Math.max(1e-9, 1 + hi));
      return Math.exp(normalDraw(rng, (a + b) / 2, (b - a) / 3.92)) - 1;
    }
  }
}

function clamp(v: number, min: number | undefined, max: number | undefined): number {
  let x = v;
  if (min !== undefined && x < min) x = min;
  if (max !== undefined && x > max) x = max;
  return x;
}

/** The parameters with one uncertainty multiplier per parameter applied. */
export function perturbedParameters(base: ResolvedParameters, rng: RandomStream): ResolvedParameters {
  const infos: ParameterInfo[] = base.all().map((info) => {
    if (!info.uncertainty) return info;
    const mult = 1 + drawRelative(rng.child(info.path), info.uncertainty);
    const entry: CatalogEntry = CATALOG[info.path];
    const values: DatedValue[] = info.values.map((v) => {
      if (v.provenance.origin === "override") return v;
      if (typeof v.value === "number") {
        return { ...v, value: clamp(v.value * mult, entry.min, entry.max) };
      }
      const table: Record<string, number> = {};
      let total = 0;
      for (const [k, x] of Object.entries(v.value)) {
        table[k] = clamp(x * mult, entry.min, entry.max);
        total += table[k]!;
      }
      if (entry.kind === "breakdown" && entry.sumsToOne && total > 0) {
        for (const k of Object.keys(table)) table[k] = table[k]! / total;
      }
      return { ...v, value: table };
    });
    return { ...info, values };
  });
  return resolvedParameters(infos);
}
