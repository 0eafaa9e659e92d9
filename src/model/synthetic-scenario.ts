/**
 * A synthetic scenario built in code, for tests and the benchmark: every parameter of the catalogue with an
 * illustrative value (not calibrated, not sourced: each is marked as an assumption), sized to a chosen
 * population. Counts (people, capacities, money) scale with the population; rates, shares, delays and unit
 * costs do not. `everyPolicy()` lists one event of each policy type, to exercise every lever.
 */
import { CATALOG, type ParameterPath } from "../params/catalog.ts";
import { resolvedParameters } from "../params/resolved.ts";
import type { Accounting, DatedValue, ParameterInfo, PolicyEvent, Scenario } from "../params/types.ts";
import { isoOfDay, parseIsoDay } from "../util/dates.ts";

type Value = number | Readonly<Record<string, number>>;

const NAT_SHARES = {
  mexico: 0.4,
  guatemala: 0.08,
  honduras: 0.07,
  el_salvador: 0.07,
  venezuela: 0.06,
  cuba: 0.04,
  haiti: 0.03,
  nicaragua: 0.02,
  india: 0.05,
  china: 0.04,
  other_cooperative: 0.1,
  other_uncooperative: 0.04,
};
const byNat = (f: (n: keyof typeof NAT_SHARES) => number) =>
  Object.fromEntries(Object.keys(NAT_SHARES).map((n) => [n, f(n as keyof typeof NAT_SHARES)]));

/** Values for a population of 20,000; `counted` paths scale with the population. */
const BASE: Record<ParameterPath, Value> = {
  "population.unauthorized_total": 20000,
  "population.share_by_nationality": NAT_SHARES,
  "population.years_in_us": { lt2: 0.2, y2to5: 0.2, y5to10: 0.2, y10plus: 0.4 },
  "population.tps_holders": byNat(
    (n) => ({ el_salvador: 300, honduras: 100, haiti: 100, venezuela: 200 })[n as string] ?? 0,
  ),
  "population.parole_holders": { chnv: 300, other: 200 },
  "population.daca_recipients": 300,
  "population.pending_asylum_affirmative": 600,
  "population.final_order_at_large": 800,
  "population.share_with_us_citizen_child": 0.3,
  "population.share_with_criminal_record": 0.05,
  "population.share_employed": 0.7,
  "population.employment_by_sector": {
    agriculture: 0.15,
    construction: 0.15,
    manufacturing: 0.1,
    hospitality: 0.2,
    services: 0.3,
    other: 0.1,
  },
  "population.status_adjustment_rate": 0.005,
  "border.encounters": 3000,
  "border.encounter_share_by_nationality": NAT_SHARES,
  "border.repeat_encounter_share": 0.2,
  "border.dispositions": {
    returned_or_expelled: 0.5,
    expedited_removal: 0.1,
    detained_nta: 0.05,
    released_nta: 0.25,
    paroled: 0.05,
    remain_in_mexico: 0.05,
  },
  "border.gotaways": 500,
  "border.visa_overstays": 400,
  "border.reentry_share": 0.2,
  "border.reentry_delay_days": 90,
  "border.parole_duration_days": 365,
  "border.remain_in_mexico_absconding_share": 0.3,
  "departure.voluntary_rate": 0.01,
  "departure.enforcement_elasticity": 0.5,
  "departure.stipend_response": 0.1,
  "arrests.officers": 10,
  "arrests.at_large_per_officer_year": 60,
  "arrests.at_large_depletion_exponent": 1,
  "arrests.custodial_per_year": 400,
  "arrests.cooperating_share": 0.6,
  "arrests.agreements_287g": 5,
  "arrests.custodial_per_287g_agreement_year": 20,
  "arrests.task_force_per_agreement_year": 30,
  "arrests.national_guard_per_member_year": 5,
  "arrests.cost_per_arrest": { at_large: 2000, custodial: 800, task_force: 1500, national_guard: 1000 },
  "arrests.officer_training_days": 180,
  "arrests.officer_hiring_cost": 50000,
  "arrests.officer_annual_cost": 150000,
  "detention.beds": { existing: 300, soft_sided: 0, military_base: 0, family: 0 },
  "detention.cost_per_bed_day": { existing: 150, soft_sided: 180, military_base: 200, family: 300 },
  "detention.build_cost_per_bed": { existing: 0, soft_sided: 50000, military_base: 30000, family: 80000 },
  "detention.lead_time_days": { existing: 0, soft_sided: 90, military_base: 60, family: 180 },
  "detention.atd_capacity": 500,
  "detention.atd_cost_per_day": 8,
  "detention.detained_docket_share": 0.5,
  "detention.release_on_bond_share": 0.2,
  "detention.processing_days": 2,
  // Zero so the synthetic run and the hand-computed tests start empty; test/model/structure.test.ts sets them.
  "detention.initial_population": 0,
  "detention.initial_border_share": 0.7,
  "detention.initial_ordered_share": 0.4,
  "courts.detained_min_days": 0,
  // Filed at once, always: the hand-computed tests see every border release on the docket the same day.
  "courts.nta_filing_delay_days": 0,
  "courts.nta_filed_share": 1,
  "population.prior_removal_share": 0,
  "border.ice_processed_share": 0,
  "detention.deaths_per_100k_detention_years": 50,
  "courts.judges": 3,
  "courts.completions_per_judge_year": 500,
  "courts.pending_cases": 2000,
  "courts.outcomes_detained": { removal_order: 0.7, voluntary_departure: 0.1, relief: 0.1, termination: 0.1 },
  "courts.outcomes_non_detained": {
    removal_order: 0.4,
    voluntary_departure: 0.1,
    relief: 0.3,
    termination: 0.2,
  },
  "courts.in_absentia_share": 0.3,
  "courts.appeal_share": 0.1,
  "courts.appeal_days": 180,
  "courts.appeal_days_detained": 180,
  "courts.appeal_sustained_share": 0.1,
  "courts.judge_hiring_days": 120,
  "courts.cost_per_completion": 2500,
  "courts.other_receipts": 200,
  "expedited_removal.window_days": 14,
  "expedited_removal.fear_claim_share": 0.3,
  "expedited_removal.credible_fear_positive_share": 0.6,
  "expedited_removal.asylum_officers": 2,
  "expedited_removal.interviews_per_officer_year": 400,
  "expedited_removal.cost_per_interview": 1000,
  "expedited_removal.reinstatement_share": 0.8,
  "removal.travel_document_days": byNat(
    (n) =>
      ({
        mexico: 1,
        venezuela: 60,
        cuba: 90,
        haiti: 45,
        nicaragua: 60,
        india: 45,
        china: 120,
        other_uncooperative: 120,
      })[n as string] ?? 21,
  ),
  "removal.refusal_share": byNat(
    (n) =>
      ({ cuba: 0.6, venezuela: 0.5, china: 0.4, nicaragua: 0.3, other_uncooperative: 0.7 })[n as string] ??
      0.02,
  ),
  "removal.air_share": byNat((n) => (n === "mexico" ? 0.05 : 1)),
  "removal.charter_seats_per_day": 20,
  "removal.land_capacity_per_day": 30,
  "removal.cost_per_air_removal": 1800,
  "removal.cost_per_land_removal": 300,
  "removal.post_order_limit_days": 180,
  "removal.sanction_refusal_multiplier": 0.5,
  "removal.sanction_delay_multiplier": 0.7,
  "removal.third_country_cost_per_person": 5000,
  "budget.ice_appropriation": 60e6,
  "budget.eoir_appropriation": 10e6,
  "impacts.us_citizen_children_per_parent": 1.5,
  "impacts.output_per_worker_year": 60000,
  "impacts.tax_revenue_per_worker_year": 8000,
  "impacts.us_gdp": 28e12,
  "impacts.us_labor_force": 170e6,
};

const COUNTED = new Set<ParameterPath>([
  "population.unauthorized_total",
  "population.tps_holders",
  "population.parole_holders",
  "population.daca_recipients",
  "population.pending_asylum_affirmative",
  "population.final_order_at_large",
  "border.encounters",
  "border.gotaways",
  "border.visa_overstays",
  "arrests.officers",
  "arrests.custodial_per_year",
  "arrests.agreements_287g",
  "detention.beds",
  "detention.atd_capacity",
  "courts.judges",
  "courts.pending_cases",
  "courts.other_receipts",
  "expedited_removal.asylum_officers",
  "removal.charter_seats_per_day",
  "removal.land_capacity_per_day",
  "budget.ice_appropriation",
  "budget.eoir_appropriation",
]);
const BASE_POPULATION = 20000;

export interface SyntheticOptions {
  /** Population size (default 20,000); counted values scale with it. */
  readonly persons?: number;
  readonly start?: string;
  readonly horizonDays?: number;
  readonly scale?: number;
  readonly seed?: number;
  readonly replications?: number;
  readonly targetRemovals?: number | null;
  readonly accounting?: Accounting;
  /** Values replacing the base ones (at full size: not scaled). Dated lists give step changes. */
  readonly overrides?: Partial<Record<ParameterPath, Value | readonly { day: number; value: Value }[]>>;
  readonly policies?: readonly PolicyEvent[];
  readonly name?: string;
}

function scaled(v: Value, f: number): Value {
  if (typeof v === "number") return v * f;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x * f]));
}

export function syntheticScenario(o: SyntheticOptions = {}): Scenario {
  const start = o.start ?? "2025-01-20";
  const startEpochDay = parseIsoDay(start);
  if (startEpochDay === null) throw new Error(`syntheticScenario: start ${start} is not a YYYY-MM-DD date`);
  const f = (o.persons ?? BASE_POPULATION) / BASE_POPULATION;
  const infos: ParameterInfo[] = (Object.keys(CATALOG) as ParameterPath[]).map((path) => {
    const entry = CATALOG[path];
    const override = o.overrides?.[path];
    const dated: { day: number; value: Value }[] =
      override === undefined
        ? [{ day: 0, value: COUNTED.has(path) ? scaled(BASE[path], f) : BASE[path] }]
        : Array.isArray(override)
          ? (override as { day: number; value: Value }[])
          : [{ day: 0, value: override as Value }];
    const values: DatedValue[] = dated.map((d) => ({
      date: isoOfDay(startEpochDay + d.day),
      day: d.day,
      value: d.value,
      provenance: { references: [], assumption: true, reason: "synthetic test value", origin: "parameters" },
    }));
    return {
      path,
      description: `synthetic ${path}`,
      unit: entry.unit,
      kind: entry.kind,
      values,
      file: `synthetic/${path}`,
    };
  });
  return {
    name: o.name ?? "synthetic",
    description: "Synthetic scenario built in code (illustrative values).",
    start,
    startEpochDay,
    horizonDays: o.horizonDays ?? 365,
    scale: o.scale ?? 1,
    seed: o.seed ?? 1,
    replications: o.replications ?? 1,
    target: { removals: o.targetRemovals ?? null },
    accounting: o.accounting ?? { detention: "occupied_bed_day", courts: "per_completion" },
    params: resolvedParameters(infos),
    policies: o.policies ?? [],
    sourceText: "",
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A policy event without its common fields (day, date, references, assumption). */
export type PolicyFields = DistributiveOmit<PolicyEvent, "day" | "date" | "references" | "assumption">;

/** A policy event on a day of a scenario starting at `start` (fills the common fields). */
export function policyOn(day: number, event: PolicyFields, start = "2025-01-20"): PolicyEvent {
  const s = parseIsoDay(start) ?? 0;
  return { day, date: isoOfDay(s + day), references: [], assumption: true, ...event } as PolicyEvent;
}

/** One event of every policy type, sized for a population of `persons`. */
export function everyPolicy(persons = BASE_POPULATION, start = "2025-01-20"): PolicyEvent[] {
  const f = persons / BASE_POPULATION;
  const on = (day: number, e: PolicyFields) => policyOn(day, e, start);
  const events: PolicyEvent[] = [
    on(0, { type: "border_inflow", multiplier: 0.5, cause: "closure", appliesToGotaways: true }),
    on(10, {
      type: "border_inflow",
      multiplier: 0.1,
      cause: "travel_ban",
      nationalities: ["cuba"],
      appliesToGotaways: false,
    }),
    on(30, {
      type: "border_dispositions",
      shares: {
        returned_or_expelled: 0.6,
        expedited_removal: 0.2,
        detained_nta: 0.05,
        released_nta: 0.1,
        paroled: 0,
        remain_in_mexico: 0.05,
      },
    }),
    on(5, {
      type: "remain_in_mexico",
      share: 0.3,
      injunction: { probability: 0.5, startsAfterDays: 200, lastsDays: 100 },
    }),
    on(1, { type: "expedited_removal_window", presenceDays: 730, nationwide: true }),
    on(60, { type: "protection_end", group: "parole_chnv", noticeDays: 30, share: 1 }),
    on(90, {
      type: "protection_end",
      group: "tps",
      nationalities: ["venezuela"],
      noticeDays: 60,
      share: 0.9,
    }),
    on(20, { type: "hiring", role: "officers", count: 10 * f, overDays: 100 }),
    on(20, { type: "hiring", role: "judges", count: 2 * f, overDays: 30 }),
    on(20, { type: "hiring", role: "asylum_officers", count: 2 * f, overDays: 0, trainingDays: 30 }),
    on(40, { type: "agreements_287g", jail: 5 * f, taskForce: 5 * f, overDays: 60 }),
    on(50, { type: "cooperation", share: 0.7 }),
    on(100, { type: "national_guard", members: 20 * f, durationDays: 200, costPerMemberDay: 300 }),
    on(15, {
      type: "beds_added",
      facility: "military_base",
      beds: 200 * f,
      leadDays: 60,
      rampDays: 120,
      costPerBedDay: 170,
    }),
    on(25, { type: "atd_capacity", capacity: 800 * f }),
    on(35, { type: "transport_capacity", chartersSeatsPerDay: 30 * f, landPerDay: 40 * f }),
    on(45, {
      type: "third_country_agreement",
      partner: "partner_a",
      quotaPerYear: 300 * f,
      costPerPerson: 6000,
      nationalities: ["venezuela", "cuba", "other_uncooperative"],
    }),
    on(55, { type: "sanctions", nationalities: ["china"], refusalMultiplier: 0.5, delayMultiplier: 0.7 }),
    on(65, {
      type: "country_cooperation",
      nationalities: ["venezuela"],
      refusalShare: 0.1,
      travelDocumentDays: 30,
    }),
    on(70, {
      type: "departure_incentive",
      stipendUsd: 1000,
      paidTravel: true,
      costPerDeparture: 2000,
      endsDay: 400,
    }),
    on(0, {
      type: "appropriation",
      agency: "ICE",
      byFiscalYear: { FY2026: 20e6 * f },
      source: "reconciliation",
    }),
    on(3, {
      type: "arrest_priorities",
      order: ["criminal", "final_order", "recent_entrant", "other"],
      strictness: 0.7,
    }),
    on(2, { type: "detention_policy", whenFull: "defer_arrest", detainAll: true }),
    on(0, { type: "budget_policy", whenExhausted: "stop_capacity" }),
  ];
  return events.sort((a, b) => a.day - b.day);
}
