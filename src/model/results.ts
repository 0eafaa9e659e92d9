/**
 * What one replication of the model returns (design.md section 4). Everything is at full scale: counts
 * from a run at scale s are divided by s before they land here. The run layer aggregates replications;
 * the store and reports read only these shapes.
 */

/** Daily series the model records; each is one Float64Array of `horizonDays` values. */
export const STOCK_SERIES = [
  "stock.at_large", // removable, living in the interior, not in proceedings
  "stock.at_large_with_order", // final order, at large
  "stock.protected", // TPS, parole, DACA, pending asylum
  "stock.non_detained_docket", // in proceedings, not detained (incl. ATD)
  "stock.atd", // subset of non-detained docket enrolled in ATD
  "stock.remain_in_mexico", // waiting outside the U.S. for hearings
  "stock.detained", // all detention (every facility type)
  "stock.detained_docket", // detained awaiting court
  "stock.awaiting_credible_fear", // detained awaiting a credible-fear interview
  "stock.awaiting_removal", // detained with an order, waiting for documents or transport
  "stock.court_backlog", // detained + non-detained + remain in Mexico cases pending
  "stock.appeals_pending",
  "capacity.beds",
  "capacity.atd",
  "capacity.officers",
  "capacity.judges",
  "capacity.asylum_officers",
] as const;

export const FLOW_SERIES = [
  "flow.border_encounters",
  "flow.border_returned_or_expelled",
  "flow.border_expedited_removal",
  "flow.border_detained_nta",
  "flow.border_released_nta",
  "flow.border_paroled",
  "flow.border_remain_in_mexico",
  "flow.gotaways",
  "flow.visa_overstays",
  "flow.reentries",
  "flow.arrests.at_large",
  "flow.arrests.custodial",
  "flow.arrests.task_force",
  "flow.arrests.national_guard",
  "flow.arrests_deferred",
  "flow.book_ins",
  "flow.releases_to_atd",
  "flow.releases_when_full",
  "flow.credible_fear_interviews",
  "flow.court_completions.removal_order",
  "flow.court_completions.voluntary_departure",
  "flow.court_completions.relief",
  "flow.court_completions.termination",
  "flow.court_completions.in_absentia",
  "flow.orders",
  "flow.removals", // all removals by ICE (including third-country transfers)
  "flow.removals.ice_arrested", // of people ICE itself arrested in the interior
  "flow.removals.border", // of people CBP arrested at the border
  "flow.removals.air",
  "flow.removals.land",
  "flow.third_country_transfers",
  "flow.releases_post_order_limit",
  "flow.voluntary_departures",
  "flow.status_adjustments",
  "flow.protections_ended",
  "flow.deaths_in_custody_expected",
] as const;

export type SeriesName = (typeof STOCK_SERIES)[number] | (typeof FLOW_SERIES)[number] | `${string}.${string}`;

export interface CostLine {
  /** Pipeline stage: arrest, detention, atd, courts, credible_fear, transport, third_country, staffing, capital, incentives, national_guard */
  readonly stage: string;
  /** The resource or item charged: e.g. `beds.military_base`, `officers`, `charter_seats`. */
  readonly item: string;
  readonly fiscalYear: string;
  readonly kind: "operating" | "capital";
  readonly quantity: number;
  readonly quantityUnit: string;
  readonly unitCost: number;
  /** quantity × unitCost, in USD (nominal). */
  readonly amount: number;
  /** Parameter path or policy event the unit cost came from. */
  readonly source: string;
}

export interface BudgetLine {
  readonly fiscalYear: string;
  readonly agency: string;
  readonly available: number;
  readonly spent: number;
  /** Whether spending was rationed or capacity frozen for lack of money. */
  readonly exhausted: boolean;
}

export interface ImpactLine {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  /** Parameter paths of the coefficients used. */
  readonly coefficients: readonly string[];
  readonly note?: string;
}

export interface Kpis {
  readonly removalsTotal: number;
  readonly removalsByFiscalYear: Readonly<Record<string, number>>;
  readonly peakDetention: number;
  readonly costTotal: number;
  readonly costPerRemoval: number;
  /** Years from start until cumulative removals reach the target; null if never within the horizon. */
  readonly yearsToTarget: number | null;
  /** Resource that binds most often, by period label, in order. */
  readonly bindingConstraints: readonly { readonly period: string; readonly resource: string }[];
  readonly meanDaysInDetention: number;
  readonly p95DaysInDetention: number;
  readonly meanDaysInQueue: Readonly<Record<string, number>>;
  readonly p95DaysInQueue: Readonly<Record<string, number>>;
  readonly releasedNoCountry: number;
  readonly voluntaryDepartures: number;
}

export interface PeriodRow {
  /** `2025-03` for months, `FY2025` for fiscal years. */
  readonly period: string;
  /** Sum of each flow series over the period; mean of each stock series over the period. */
  readonly values: Readonly<Record<string, number>>;
}

export interface Checks {
  readonly conservation: boolean;
  readonly capacity: boolean;
  readonly costIdentity: boolean;
  /** What failed, if anything (the first few messages). */
  readonly messages: readonly string[];
}

export interface Results {
  readonly scenario: string;
  readonly seed: number;
  readonly replication: number;
  readonly scale: number;
  readonly start: string;
  readonly startEpochDay: number;
  readonly horizonDays: number;
  readonly daily: Readonly<Record<string, Float64Array>>;
  readonly monthly: readonly PeriodRow[];
  readonly fiscalYears: readonly PeriodRow[];
  /** Utilisation (0..1+) of each resource by month, and the binding one. */
  readonly utilisation: readonly {
    readonly period: string;
    readonly byResource: Readonly<Record<string, number>>;
    readonly binding: string;
  }[];
  readonly costs: readonly CostLine[];
  readonly budget: readonly BudgetLine[];
  readonly impacts: readonly ImpactLine[];
  readonly kpis: Kpis;
  readonly checks: Checks;
  readonly timing: {
    readonly wallSeconds: number;
    readonly events: number;
    readonly persons: number;
    readonly agents: number;
  };
}
