/**
 * The resolved, typed shapes the rest of the program consumes. Loading (src/params) turns YAML files into
 * these; the model (src/model) reads only these. Time is an integer day relative to the scenario's start
 * (day 0 is the start date; negative days are before it). Every time-varying value is a step function:
 * a value holds from its day until the next one.
 */
import type {
  BreakdownKey,
  BreakdownPath,
  FacilityType,
  NationalityGroup,
  ParameterPath,
  ScalarPath,
} from "./catalog.ts";

export interface Reference {
  readonly title: string;
  readonly href: string;
}

/** Where one dated value comes from: references, or an assumption with its reason. */
export interface Provenance {
  readonly references: readonly Reference[];
  readonly assumption: boolean;
  readonly reason?: string;
  /** `overridden` values came from a scenario's `overrides`, not from the parameter tree. */
  readonly origin: "parameters" | "override";
}

/** A number that changes on given days. `at(day)` is the value in force on that day. */
export interface StepFunction {
  /** Days on which a value starts (ascending). The first value also holds before its day. */
  readonly days: readonly number[];
  readonly values: readonly number[];
  at(day: number): number;
}

/** A table of numbers keyed by a fixed key set, changing on given days. */
export interface StepBreakdown<K extends string> {
  readonly keys: readonly K[];
  readonly days: readonly number[];
  readonly values: readonly Readonly<Record<K, number>>[];
  at(day: number): Readonly<Record<K, number>>;
}

export interface Uncertainty {
  readonly distribution: "triangular" | "uniform" | "normal" | "lognormal";
  /** Relative to the dated value: a multiplier of (1 + x). */
  readonly low: number;
  readonly mode?: number;
  readonly high: number;
  readonly assumption: boolean;
  readonly reason?: string;
  readonly references: readonly Reference[];
}

/** One dated value with its provenance, as listed by `immsim params` and report tables. */
export interface DatedValue {
  readonly date: string;
  readonly day: number;
  readonly value: number | Readonly<Record<string, number>>;
  readonly provenance: Provenance;
}

export interface ParameterInfo {
  readonly path: ParameterPath;
  readonly description: string;
  readonly unit: string;
  readonly kind: "scalar" | "breakdown";
  readonly values: readonly DatedValue[];
  readonly uncertainty?: Uncertainty;
  /** The file the values were read from (relative), for citations and error messages. */
  readonly file: string;
}

export interface ResolvedParameters {
  scalar(path: ScalarPath): StepFunction;
  breakdown<P extends BreakdownPath>(path: P): StepBreakdown<BreakdownKey<P>>;
  info(path: ParameterPath): ParameterInfo;
  all(): readonly ParameterInfo[];
}

// ---------------------------------------------------------------------------------------------------------
// Policy events. In YAML each has `on: YYYY-MM-DD` and `type`; resolved, each carries `day` (relative to the
// scenario start) and `date` (the ISO text), plus optional references. Events are sorted by day, then by
// their order in the file.

export interface Injunction {
  /** Probability that a court blocks the action. */
  readonly probability: number;
  /** Days after the action's date on which the injunction starts (0: before it takes effect). */
  readonly startsAfterDays: number;
  /** How long the block lasts, in days (a very large number for "indefinitely"). */
  readonly lastsDays: number;
}

interface EventBase {
  readonly day: number;
  readonly date: string;
  readonly references: readonly Reference[];
  readonly assumption: boolean;
  readonly reason?: string;
  readonly note?: string;
}

/** Scales border encounters and got-aways (closure orders, wall, travel bans). */
export interface BorderInflowEvent extends EventBase {
  readonly type: "border_inflow";
  readonly multiplier: number;
  /** Only these nationality groups (a travel ban); all groups when absent. */
  readonly nationalities?: readonly NationalityGroup[];
  readonly cause: "closure" | "wall" | "travel_ban" | "other";
  /** Applies to got-aways as well as encounters (a wall reduces evasions). */
  readonly appliesToGotaways: boolean;
}

/** Overrides the border disposition shares from this day (e.g. Title 42, end of catch-and-release). */
export interface BorderDispositionEvent extends EventBase {
  readonly type: "border_dispositions";
  readonly shares: Readonly<Record<string, number>>;
}

export interface RemainInMexicoEvent extends EventBase {
  readonly type: "remain_in_mexico";
  /** Share of new asylum-seeking arrivals sent to wait in Mexico. */
  readonly share: number;
  readonly injunction?: Injunction;
}

export interface ExpeditedRemovalWindowEvent extends EventBase {
  readonly type: "expedited_removal_window";
  /** Anyone who cannot show this many days of presence is eligible. */
  readonly presenceDays: number;
  /** Applies anywhere in the country (true) or only near the border (false). */
  readonly nationwide: boolean;
  readonly injunction?: Injunction;
}

export interface ProtectionEndEvent extends EventBase {
  readonly type: "protection_end";
  /** `tps`, `parole_chnv`, `parole_other`, `daca`, `pending_asylum`. */
  readonly group: "tps" | "parole_chnv" | "parole_other" | "daca" | "pending_asylum";
  /** For TPS: the nationality groups whose designation ends (all when absent). */
  readonly nationalities?: readonly NationalityGroup[];
  readonly noticeDays: number;
  /** Share of the group whose protection ends (the rest keep it, e.g. other relief). */
  readonly share: number;
  readonly injunction?: Injunction;
}

export interface HiringEvent extends EventBase {
  readonly type: "hiring";
  readonly role: "officers" | "judges" | "asylum_officers";
  /** Net change (negative for losses). */
  readonly count: number;
  /** Spread over this many days (0: all on the event day). */
  readonly overDays: number;
  /** Days from hire to productive work (training); the catalogue default when absent. */
  readonly trainingDays?: number;
  readonly costPerHire?: number;
}

export interface Agreements287gEvent extends EventBase {
  readonly type: "agreements_287g";
  /** Net new agreements by model. */
  readonly jail: number;
  readonly taskForce: number;
  readonly overDays: number;
}

export interface CooperationEvent extends EventBase {
  readonly type: "cooperation";
  /** New share of jurisdictions honouring detainers. */
  readonly share: number;
}

export interface NationalGuardEvent extends EventBase {
  readonly type: "national_guard";
  readonly members: number;
  readonly durationDays: number;
  readonly costPerMemberDay: number;
}

export interface BedsAddedEvent extends EventBase {
  readonly type: "beds_added";
  readonly facility: FacilityType;
  /** Net beds (negative to close). */
  readonly beds: number;
  /** Days before the first bed opens (construction, contracting). */
  readonly leadDays: number;
  /** Days over which the beds then open, linearly. */
  readonly rampDays: number;
  readonly costPerBedDay?: number;
  readonly buildCostPerBed?: number;
}

export interface AtdCapacityEvent extends EventBase {
  readonly type: "atd_capacity";
  readonly capacity: number;
}

export interface TransportCapacityEvent extends EventBase {
  readonly type: "transport_capacity";
  readonly chartersSeatsPerDay?: number;
  readonly landPerDay?: number;
}

export interface ThirdCountryAgreementEvent extends EventBase {
  readonly type: "third_country_agreement";
  readonly partner: string;
  readonly quotaPerYear: number;
  readonly costPerPerson: number;
  /** Nationality groups it accepts (all when absent). */
  readonly nationalities?: readonly NationalityGroup[];
  readonly endsDay?: number;
  readonly injunction?: Injunction;
}

export interface SanctionsEvent extends EventBase {
  readonly type: "sanctions";
  readonly nationalities: readonly NationalityGroup[];
  /** Multiplies the refusal share (values below 1 mean more cooperation). */
  readonly refusalMultiplier: number;
  /** Multiplies the travel-document delay. */
  readonly delayMultiplier: number;
}

export interface CountryCooperationEvent extends EventBase {
  readonly type: "country_cooperation";
  readonly nationalities: readonly NationalityGroup[];
  readonly refusalShare?: number;
  readonly travelDocumentDays?: number;
}

export interface DepartureIncentiveEvent extends EventBase {
  readonly type: "departure_incentive";
  readonly stipendUsd: number;
  readonly paidTravel: boolean;
  readonly costPerDeparture: number;
  readonly endsDay?: number;
}

export interface AppropriationEvent extends EventBase {
  readonly type: "appropriation";
  readonly agency: "ICE" | "EOIR" | "CBP" | "USCIS" | "DHS";
  /** USD by fiscal year label (`FY2026`). */
  readonly byFiscalYear: Readonly<Record<string, number>>;
  /** Spread a multi-year appropriation evenly over these fiscal years when `byFiscalYear` is a total. */
  readonly source: "appropriation" | "reconciliation" | "reprogramming" | "supplemental";
}

export interface ArrestPrioritiesEvent extends EventBase {
  readonly type: "arrest_priorities";
  /** Target groups in priority order; the pool is drawn from the first non-empty group first. */
  readonly order: readonly ("criminal" | "final_order" | "recent_entrant" | "other")[];
  /** Share of at-large effort that goes to the priority groups before others (0: no priority). */
  readonly strictness: number;
}

export interface DetentionPolicyEvent extends EventBase {
  readonly type: "detention_policy";
  /** What happens to a new booking when no bed is free. */
  readonly whenFull: "release_to_atd" | "defer_arrest" | "release";
  /** Detain everyone who can be detained (true) or place non-priority NTA cases on the non-detained docket. */
  readonly detainAll: boolean;
}

export interface BudgetPolicyEvent extends EventBase {
  readonly type: "budget_policy";
  /** What happens when the fiscal year's money runs out. */
  readonly whenExhausted: "ration_arrests" | "stop_capacity" | "ignore";
}

export type PolicyEvent =
  | BorderInflowEvent
  | BorderDispositionEvent
  | RemainInMexicoEvent
  | ExpeditedRemovalWindowEvent
  | ProtectionEndEvent
  | HiringEvent
  | Agreements287gEvent
  | CooperationEvent
  | NationalGuardEvent
  | BedsAddedEvent
  | AtdCapacityEvent
  | TransportCapacityEvent
  | ThirdCountryAgreementEvent
  | SanctionsEvent
  | CountryCooperationEvent
  | DepartureIncentiveEvent
  | AppropriationEvent
  | ArrestPrioritiesEvent
  | DetentionPolicyEvent
  | BudgetPolicyEvent;

export type PolicyType = PolicyEvent["type"];

/** How cost lines are charged; study presets choose what reproduces a study's accounting. */
export interface Accounting {
  /** Pay per occupied bed-day, or for every bed held (funded capacity) whether used or not. */
  readonly detention: "occupied_bed_day" | "capacity_held";
  /** Pay judges per completion or per judge-year held. */
  readonly courts: "per_completion" | "capacity_held";
}

/** A published line a study preset compares itself with. */
export interface StudyLine {
  readonly line: string;
  /** USD (or the unit given). */
  readonly value: number;
  readonly unit: string;
  /** [P] published, [S] secondary, [I] implied. */
  readonly tag: "P" | "S" | "I";
  /** Which model cost stage(s) sum to this line. */
  readonly stages: readonly string[];
  readonly tolerance: number;
  readonly note?: string;
}

export interface StudyMetadata {
  readonly title: string;
  readonly href: string;
  readonly lines: readonly StudyLine[];
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The file it was loaded from, when any. */
  readonly file?: string;
  readonly start: string;
  /** Absolute day number (days since 1970-01-01) of day 0. */
  readonly startEpochDay: number;
  readonly horizonDays: number;
  /** Agents per person (1.0 = one agent per person). Results are reported at full scale. */
  readonly scale: number;
  readonly seed: number;
  readonly replications: number;
  readonly target: { readonly removals: number | null };
  readonly accounting: Accounting;
  readonly params: ResolvedParameters;
  readonly policies: readonly PolicyEvent[];
  readonly study?: StudyMetadata;
  /** The scenario file's text, kept for reports and the run store. */
  readonly sourceText: string;
}
