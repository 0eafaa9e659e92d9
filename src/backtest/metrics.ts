/**
 * The metrics the backtest compares, and how each is read from one replication's daily series. Counts of
 * flows are summed over the fiscal year, stocks averaged (detention) or taken on its last day (court
 * backlog, which the sources publish as pending on 30 September), and shares are ratios of summed flows.
 */
import type { Results } from "../model/results.ts";
import { fiscalYearStartDay } from "../util/dates.ts";

export const METRIC_NAMES = [
  "removals",
  "removals_ice_arrested",
  "ice_arrests",
  "border_encounters",
  "border_returned_or_expelled_share",
  "border_released_share",
  "detention_adp",
  "court_completions",
  "court_backlog",
  "court_receipts",
  "book_ins",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

type Measure =
  | { readonly kind: "flow_sum"; readonly series: readonly string[] }
  | { readonly kind: "stock_mean"; readonly series: string }
  | { readonly kind: "stock_end"; readonly series: string }
  /** Cases received in the year: the stock's change over the year plus the year's completions. */
  | { readonly kind: "receipts"; readonly stock: string; readonly completions: readonly string[] }
  | {
      readonly kind: "share";
      readonly numerator: readonly string[];
      readonly denominator: readonly string[];
    };

export interface MetricDefinition {
  readonly name: MetricName;
  readonly label: string;
  readonly measure: Measure;
}

const ARREST_SERIES = [
  "flow.arrests.at_large",
  "flow.arrests.custodial",
  "flow.arrests.task_force",
  "flow.arrests.national_guard",
  // ICE's own arrest counts include recent border crossers it processed (FY2021-FY2023 mostly).
  "flow.arrests.border_processed",
] as const;

const COMPLETION_SERIES = [
  "flow.court_completions.removal_order",
  "flow.court_completions.voluntary_departure",
  "flow.court_completions.relief",
  "flow.court_completions.termination",
  "flow.court_completions.in_absentia",
] as const;

export const METRICS: Readonly<Record<MetricName, MetricDefinition>> = {
  removals: {
    name: "removals",
    label: "ICE removals",
    measure: { kind: "flow_sum", series: ["flow.removals"] },
  },
  removals_ice_arrested: {
    name: "removals_ice_arrested",
    label: "ICE removals, ICE-arrested",
    measure: { kind: "flow_sum", series: ["flow.removals.ice_arrested"] },
  },
  ice_arrests: {
    name: "ice_arrests",
    label: "ICE arrests",
    measure: { kind: "flow_sum", series: ARREST_SERIES },
  },
  border_encounters: {
    name: "border_encounters",
    label: "SW border encounters",
    measure: { kind: "flow_sum", series: ["flow.border_encounters"] },
  },
  border_returned_or_expelled_share: {
    name: "border_returned_or_expelled_share",
    label: "Border returned/expelled share",
    measure: {
      kind: "share",
      numerator: ["flow.border_returned_or_expelled"],
      denominator: ["flow.border_encounters"],
    },
  },
  border_released_share: {
    name: "border_released_share",
    label: "Border released share",
    measure: {
      kind: "share",
      numerator: ["flow.border_released_nta", "flow.border_paroled"],
      denominator: ["flow.border_encounters"],
    },
  },
  detention_adp: {
    name: "detention_adp",
    label: "Detention ADP",
    measure: { kind: "stock_mean", series: "stock.detained" },
  },
  court_completions: {
    name: "court_completions",
    label: "Court completions",
    measure: { kind: "flow_sum", series: COMPLETION_SERIES },
  },
  court_backlog: {
    name: "court_backlog",
    label: "Court backlog (end FY)",
    measure: { kind: "stock_end", series: "stock.court_backlog" },
  },
  court_receipts: {
    name: "court_receipts",
    label: "Court receipts",
    measure: { kind: "receipts", stock: "stock.court_backlog", completions: COMPLETION_SERIES },
  },
  book_ins: {
    name: "book_ins",
    label: "Detention book-ins",
    measure: { kind: "flow_sum", series: ["flow.book_ins"] },
  },
};

/** Series a metric reads; used to say precisely what a model run is missing. */
export function seriesOf(metric: MetricName): readonly string[] {
  const m = METRICS[metric].measure;
  switch (m.kind) {
    case "flow_sum":
      return m.series;
    case "stock_mean":
    case "stock_end":
      return [m.series];
    case "receipts":
      return [m.stock, ...m.completions];
    case "share":
      return [...m.numerator, ...m.denominator];
  }
}

/** Day indexes [from, to) of a fiscal year inside a run, or null when the run does not cover all of it. */
function fiscalYearRange(results: Results, fiscalYear: number): [number, number] | null {
  const from = fiscalYearStartDay(fiscalYear) - results.startEpochDay;
  const to = fiscalYearStartDay(fiscalYear + 1) - results.startEpochDay;
  if (from < 0 || to > results.horizonDays) return null;
  return [from, to];
}

function sumOver(results: Results, names: readonly string[], from: number, to: number): number | null {
  let total = 0;
  for (const name of names) {
    const series = results.daily[name];
    if (!series) return null;
    for (let d = from; d < to; d++) total += series[d]!;
  }
  return total;
}

/**
 * The value of a metric in one fiscal year of one replication; null when the run lacks a series the metric
 * needs or does not cover the whole year.
 */
export function measureMetric(results: Results, metric: MetricName, fiscalYear: number): number | null {
  const range = fiscalYearRange(results, fiscalYear);
  if (!range) return null;
  const [from, to] = range;
  const m = METRICS[metric].measure;
  switch (m.kind) {
    case "flow_sum":
      return sumOver(results, m.series, from, to);
    case "stock_mean": {
      const total = sumOver(results, [m.series], from, to);
      return total === null ? null : total / (to - from);
    }
    case "stock_end": {
      const series = results.daily[m.series];
      return series ? series[to - 1]! : null;
    }
    case "receipts": {
      // Needs the stock on the eve of the year: not available for a year that starts the run.
      const stock = results.daily[m.stock];
      const done = sumOver(results, m.completions, from, to);
      if (!stock || done === null || from === 0) return null;
      return stock[to - 1]! - stock[from - 1]! + done;
    }
    case "share": {
      const num = sumOver(results, m.numerator, from, to);
      const den = sumOver(results, m.denominator, from, to);
      if (num === null || den === null || den === 0) return null;
      return num / den;
    }
  }
}

/** Metrics whose series are missing from a run, with the missing series names. */
export function missingSeries(results: Results, metrics: readonly MetricName[]): Map<MetricName, string[]> {
  const missing = new Map<MetricName, string[]>();
  for (const metric of metrics) {
    const absent = seriesOf(metric).filter((s) => !results.daily[s]);
    if (absent.length > 0) missing.set(metric, absent);
  }
  return missing;
}

export function isShareMetric(metric: MetricName): boolean {
  return METRICS[metric].measure.kind === "share";
}
