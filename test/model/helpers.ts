import type { Results } from "../../src/model/results.ts";
import type { SyntheticOptions } from "../../src/model/synthetic-scenario.ts";
import type { BorderDisposition, NationalityGroup, ParameterPath } from "../../src/params/catalog.ts";
import { BORDER_DISPOSITIONS, NATIONALITY_GROUPS } from "../../src/params/catalog.ts";

type Overrides = NonNullable<SyntheticOptions["overrides"]>;

export const allNationalities = (v: number): Record<NationalityGroup, number> =>
  Object.fromEntries(NATIONALITY_GROUPS.map((n) => [n, v])) as Record<NationalityGroup, number>;

/** Border disposition shares that send every encounter down one disposition. */
export const onlyDisposition = (d: BorderDisposition): Record<BorderDisposition, number> =>
  Object.fromEntries(BORDER_DISPOSITIONS.map((k) => [k, k === d ? 1 : 0])) as Record<
    BorderDisposition,
    number
  >;

/** Overrides that leave nobody but `persons` removable people and switch every inflow and outflow off. */
export function quietOverrides(persons: number): Overrides {
  const o: Overrides = {
    "population.unauthorized_total": persons,
    "population.tps_holders": allNationalities(0),
    "population.parole_holders": { chnv: 0, other: 0 },
    "population.daca_recipients": 0,
    "population.pending_asylum_affirmative": 0,
    "population.final_order_at_large": 0,
    "population.status_adjustment_rate": 0,
    "courts.pending_cases": 0,
    "courts.other_receipts": 0,
    "border.encounters": 0,
    "border.gotaways": 0,
    "border.visa_overstays": 0,
    "border.reentry_share": 0,
    "departure.voluntary_rate": 0,
    "arrests.custodial_per_year": 0,
    "arrests.agreements_287g": 0,
    "arrests.officer_annual_cost": 0,
    "arrests.at_large_depletion_exponent": 0,
    "detention.atd_capacity": 0,
    "detention.processing_days": 0,
  };
  return o;
}

export function total(r: Results, series: string): number {
  const s = r.daily[series];
  if (!s) throw new Error(`no series ${series}`);
  let t = 0;
  for (let i = 0; i < s.length; i++) t += s[i]!;
  return t;
}

export function cumulative(r: Results, series: string): number[] {
  const s = r.daily[series]!;
  const out: number[] = [];
  let t = 0;
  for (let i = 0; i < s.length; i++) {
    t += s[i]!;
    out.push(t);
  }
  return out;
}

export function expectChecksPass(r: Results): void {
  if (!r.checks.conservation || !r.checks.capacity || !r.checks.costIdentity) {
    throw new Error(`model checks failed: ${r.checks.messages.join("; ")}`);
  }
}

export function costOf(r: Results, stage: string, item?: string): number {
  return r.costs
    .filter((c) => c.stage === stage && (item === undefined || c.item === item))
    .reduce((a, c) => a + c.amount, 0);
}

export type { Overrides, ParameterPath };
