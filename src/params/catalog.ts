/**
 * The catalogue of parameters the model reads. Each entry names a file under `parameters/` (the path with
 * dots turned into folders: `detention.cost_per_bed_day` is `parameters/detention/cost_per_bed_day.yaml`),
 * the unit its values are in, and whether a value is one number (`scalar`) or a table of numbers keyed by
 * one of the key sets below (`breakdown`). The loader checks every file against its entry; the model reads
 * parameters only through paths listed here, so a typo is a compile error.
 */

export const NATIONALITY_GROUPS = [
  "mexico",
  "guatemala",
  "honduras",
  "el_salvador",
  "venezuela",
  "cuba",
  "haiti",
  "nicaragua",
  "india",
  "china",
  "other_cooperative",
  "other_uncooperative",
] as const;
export type NationalityGroup = (typeof NATIONALITY_GROUPS)[number];

/** Legal situation of a person at the start of a run (population synthesis). */
export const LEGAL_SITUATIONS = [
  "no_status", // removable, never placed in proceedings
  "in_proceedings", // on the non-detained court docket
  "final_order", // ordered removed, at large
  "tps",
  "parole",
  "daca",
  "pending_asylum", // affirmative application pending with USCIS
] as const;
export type LegalSituation = (typeof LEGAL_SITUATIONS)[number];

/** Protections a policy can end. TPS is per nationality group (`tps:<group>` in policy events). */
export const PROTECTION_GROUPS = ["tps", "parole_chnv", "parole_other", "daca", "pending_asylum"] as const;
export type ProtectionGroup = (typeof PROTECTION_GROUPS)[number];

export const PAROLE_PROGRAMMES = ["chnv", "other"] as const;

export const YEARS_IN_US_BUCKETS = ["lt2", "y2to5", "y5to10", "y10plus"] as const;
export type YearsInUsBucket = (typeof YEARS_IN_US_BUCKETS)[number];

export const ARREST_CHANNELS = ["at_large", "custodial", "task_force", "national_guard"] as const;
export type ArrestChannel = (typeof ARREST_CHANNELS)[number];

export const FACILITY_TYPES = ["existing", "soft_sided", "military_base", "family"] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** What CBP does with a Southwest-border encounter. */
export const BORDER_DISPOSITIONS = [
  "returned_or_expelled", // voluntary return, Title 42 expulsion, or removed by CBP without ICE custody
  "expedited_removal", // processed for expedited removal, booked into ICE custody
  "detained_nta", // notice to appear, transferred to ICE detention (detained docket)
  "released_nta", // released with a notice to appear (non-detained docket), incl. parole + ATD
  "paroled", // paroled at the border or port under a programme (protected while parole lasts)
  "remain_in_mexico", // returned to Mexico to await hearings (MPP)
] as const;
export type BorderDisposition = (typeof BORDER_DISPOSITIONS)[number];

export const COURT_OUTCOMES = ["removal_order", "voluntary_departure", "relief", "termination"] as const;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];

export const SECTORS = [
  "agriculture",
  "construction",
  "manufacturing",
  "hospitality",
  "services",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

export const KEY_SETS = {
  nationality: NATIONALITY_GROUPS,
  legal_situation: LEGAL_SITUATIONS,
  parole_programme: PAROLE_PROGRAMMES,
  years_in_us: YEARS_IN_US_BUCKETS,
  arrest_channel: ARREST_CHANNELS,
  facility: FACILITY_TYPES,
  border_disposition: BORDER_DISPOSITIONS,
  court_outcome: COURT_OUTCOMES,
  sector: SECTORS,
} as const;
export type KeySetName = keyof typeof KEY_SETS;

interface ScalarEntry {
  readonly kind: "scalar";
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
}
interface BreakdownEntry {
  readonly kind: "breakdown";
  readonly keys: KeySetName;
  readonly unit: string;
  /** Shares that must add up to 1 (within 1e-6) on every date. */
  readonly sumsToOne?: boolean;
  readonly min?: number;
  readonly max?: number;
}
export type CatalogEntry = ScalarEntry | BreakdownEntry;

const share = { kind: "scalar", unit: "share", min: 0, max: 1 } as const;
const persons = { kind: "scalar", unit: "persons", min: 0 } as const;
const days = { kind: "scalar", unit: "days", min: 0 } as const;
const usd = (unit: string) => ({ kind: "scalar", unit, min: 0 }) as const;
const shares = (keys: KeySetName) =>
  ({ kind: "breakdown", keys, unit: "share", sumsToOne: true, min: 0, max: 1 }) as const;

export const CATALOG = {
  // Population at a start date (synthesis)
  "population.unauthorized_total": persons,
  "population.share_by_nationality": shares("nationality"),
  "population.years_in_us": shares("years_in_us"),
  "population.tps_holders": { kind: "breakdown", keys: "nationality", unit: "persons", min: 0 },
  "population.parole_holders": { kind: "breakdown", keys: "parole_programme", unit: "persons", min: 0 },
  "population.daca_recipients": persons,
  "population.pending_asylum_affirmative": persons,
  "population.final_order_at_large": persons,
  "population.share_with_us_citizen_child": share,
  "population.share_with_criminal_record": share,
  "population.share_employed": share,
  "population.employment_by_sector": shares("sector"),
  "population.status_adjustment_rate": { kind: "scalar", unit: "per year", min: 0, max: 1 },
  "population.prior_removal_share": share,

  // Border channel
  "border.encounters": { kind: "scalar", unit: "encounters per year", min: 0 },
  "border.encounter_share_by_nationality": shares("nationality"),
  "border.repeat_encounter_share": share,
  "border.dispositions": shares("border_disposition"),
  "border.ice_processed_share": share,
  "border.gotaways": { kind: "scalar", unit: "persons per year", min: 0 },
  "border.visa_overstays": { kind: "scalar", unit: "persons per year", min: 0 },
  "border.reentry_share": share,
  "border.reentry_delay_days": days,
  "border.parole_duration_days": days,
  "border.remain_in_mexico_absconding_share": share,

  // Departures without removal
  "departure.voluntary_rate": { kind: "scalar", unit: "per year", min: 0, max: 1 },
  "departure.enforcement_elasticity": { kind: "scalar", unit: "elasticity", min: 0 },
  "departure.stipend_response": { kind: "scalar", unit: "relative increase per 1000 USD", min: 0 },

  // Arrests
  "arrests.officers": persons,
  "arrests.at_large_per_officer_year": { kind: "scalar", unit: "arrests per officer-year", min: 0 },
  "arrests.at_large_depletion_exponent": { kind: "scalar", unit: "exponent", min: 0 },
  "arrests.custodial_per_year": { kind: "scalar", unit: "arrests per year", min: 0 },
  "arrests.cooperating_share": share,
  "arrests.agreements_287g": { kind: "scalar", unit: "agreements", min: 0 },
  "arrests.custodial_per_287g_agreement_year": { kind: "scalar", unit: "arrests per agreement-year", min: 0 },
  "arrests.task_force_per_agreement_year": { kind: "scalar", unit: "arrests per agreement-year", min: 0 },
  "arrests.national_guard_per_member_year": { kind: "scalar", unit: "arrests per member-year", min: 0 },
  "arrests.cost_per_arrest": {
    kind: "breakdown",
    keys: "arrest_channel",
    unit: "USD per arrest",
    min: 0,
  },
  "arrests.officer_training_days": days,
  "arrests.officer_hiring_cost": usd("USD per officer"),
  "arrests.officer_annual_cost": usd("USD per officer-year"),

  // Detention and alternatives to detention
  "detention.beds": { kind: "breakdown", keys: "facility", unit: "beds", min: 0 },
  "detention.cost_per_bed_day": { kind: "breakdown", keys: "facility", unit: "USD per bed-day", min: 0 },
  "detention.build_cost_per_bed": { kind: "breakdown", keys: "facility", unit: "USD per bed", min: 0 },
  "detention.lead_time_days": { kind: "breakdown", keys: "facility", unit: "days", min: 0 },
  "detention.atd_capacity": persons,
  "detention.atd_cost_per_day": usd("USD per person-day"),
  "detention.detained_docket_share": share,
  "detention.release_on_bond_share": share,
  "detention.processing_days": days,
  "detention.initial_population": persons,
  "detention.initial_border_share": share,
  "detention.initial_ordered_share": share,
  "detention.deaths_per_100k_detention_years": {
    kind: "scalar",
    unit: "deaths per 100,000 detention-years",
    min: 0,
  },

  // Immigration courts
  "courts.judges": persons,
  "courts.completions_per_judge_year": { kind: "scalar", unit: "completions per judge-year", min: 0 },
  "courts.pending_cases": { kind: "scalar", unit: "cases", min: 0 },
  "courts.outcomes_detained": shares("court_outcome"),
  "courts.outcomes_non_detained": shares("court_outcome"),
  "courts.in_absentia_share": share,
  "courts.appeal_share": share,
  "courts.appeal_days": days,
  "courts.appeal_days_detained": days,
  "courts.appeal_sustained_share": share,
  "courts.judge_hiring_days": days,
  "courts.cost_per_completion": usd("USD per completion"),
  "courts.other_receipts": { kind: "scalar", unit: "cases per year", min: 0 },
  "courts.detained_min_days": days,
  // Notices to appear served on release at the border but filed with the court later, or never.
  "courts.nta_filing_delay_days": days,
  "courts.nta_filed_share": share,

  // Expedited removal and credible fear
  "expedited_removal.window_days": days,
  "expedited_removal.fear_claim_share": share,
  "expedited_removal.credible_fear_positive_share": share,
  "expedited_removal.asylum_officers": persons,
  "expedited_removal.interviews_per_officer_year": {
    kind: "scalar",
    unit: "interviews per officer-year",
    min: 0,
  },
  "expedited_removal.cost_per_interview": usd("USD per interview"),
  "expedited_removal.reinstatement_share": share,

  // Removal logistics and receiving countries
  "removal.travel_document_days": { kind: "breakdown", keys: "nationality", unit: "days", min: 0 },
  "removal.refusal_share": { kind: "breakdown", keys: "nationality", unit: "share", min: 0, max: 1 },
  "removal.air_share": { kind: "breakdown", keys: "nationality", unit: "share", min: 0, max: 1 },
  "removal.charter_seats_per_day": { kind: "scalar", unit: "seats per day", min: 0 },
  "removal.land_capacity_per_day": { kind: "scalar", unit: "persons per day", min: 0 },
  "removal.cost_per_air_removal": usd("USD per person"),
  "removal.cost_per_land_removal": usd("USD per person"),
  "removal.post_order_limit_days": days,
  "removal.sanction_refusal_multiplier": { kind: "scalar", unit: "multiplier", min: 0 },
  "removal.sanction_delay_multiplier": { kind: "scalar", unit: "multiplier", min: 0 },
  "removal.third_country_cost_per_person": usd("USD per person"),

  // Money
  "budget.ice_appropriation": usd("USD per fiscal year"),
  "budget.eoir_appropriation": usd("USD per fiscal year"),

  // Impacts
  "impacts.us_citizen_children_per_parent": { kind: "scalar", unit: "children per parent", min: 0 },
  "impacts.output_per_worker_year": usd("USD per worker-year"),
  "impacts.tax_revenue_per_worker_year": usd("USD per worker-year"),
  "impacts.us_gdp": usd("USD per year"),
  "impacts.us_labor_force": persons,
} as const satisfies Record<string, CatalogEntry>;

export type ParameterPath = keyof typeof CATALOG;
export type ScalarPath = {
  [P in ParameterPath]: (typeof CATALOG)[P]["kind"] extends "scalar" ? P : never;
}[ParameterPath];
export type BreakdownPath = {
  [P in ParameterPath]: (typeof CATALOG)[P]["kind"] extends "breakdown" ? P : never;
}[ParameterPath];
/** The key type of a breakdown parameter, e.g. `NationalityGroup` for `removal.refusal_share`. */
export type BreakdownKey<P extends BreakdownPath> = (typeof KEY_SETS)[(typeof CATALOG)[P] extends {
  keys: infer K extends KeySetName;
}
  ? K
  : never][number];

export const PARAMETER_PATHS = Object.keys(CATALOG) as ParameterPath[];

/** File path (relative to the parameters folder) of a parameter. */
export function parameterFile(path: ParameterPath): string {
  return `${path.replaceAll(".", "/")}.yaml`;
}
