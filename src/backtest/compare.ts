/**
 * Modelled against actual: one row per fiscal year and metric where both exist, the percentage error of
 * each, and the mean absolute percentage error (MAPE) per metric in and out of sample. Pandemic years are
 * reported with their flag and left out of both means.
 */
import type { Actuals } from "./actuals.ts";
import { isShareMetric, type MetricName } from "./metrics.ts";
import { backtestYears, FLAGGED_YEARS, sampleOf } from "./periods.ts";

/** Modelled values by metric, then by fiscal year number (already averaged over replications). */
export type ModelledTable = ReadonlyMap<MetricName, ReadonlyMap<number, number>>;

export interface BacktestRow {
  readonly fiscalYear: string;
  readonly metric: MetricName;
  readonly modelled: number;
  readonly actual: number;
  readonly errorPct: number;
  readonly inSample: boolean;
  readonly flag?: string;
  readonly source: string;
}

export interface MapePair {
  /** Null when the metric has no actual figure in that set of years. */
  readonly inSample: number | null;
  readonly outOfSample: number | null;
}

export interface BacktestReport {
  readonly years: readonly BacktestRow[];
  readonly mape: Readonly<Partial<Record<MetricName, MapePair>>>;
}

/** Signed error of modelled against actual, in percent of actual. */
export function errorPct(modelled: number, actual: number): number {
  if (actual === 0) throw new Error("percentage error is undefined for an actual value of 0");
  return ((modelled - actual) / actual) * 100;
}

/** Mean of absolute percentage errors; null for an empty list. */
export function mape(errorsPct: readonly number[]): number | null {
  if (errorsPct.length === 0) return null;
  let total = 0;
  for (const e of errorsPct) total += Math.abs(e);
  return total / errorsPct.length;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * The rows of the backtest: every backtest year and metric with both a modelled and an actual value, in
 * year order then metric order.
 */
export function compareRows(
  modelled: ModelledTable,
  actuals: Actuals,
  metrics: readonly MetricName[],
  years: readonly number[] = backtestYears(),
): BacktestRow[] {
  const rows: BacktestRow[] = [];
  for (const fy of years) {
    const sample = sampleOf(fy);
    for (const metric of metrics) {
      const actual = actuals.get(metric, fy);
      const value = modelled.get(metric)?.get(fy);
      if (!actual || value === undefined || actual.value === 0) continue;
      const row: BacktestRow = {
        fiscalYear: `FY${fy}`,
        metric,
        modelled: isShareMetric(metric) ? round(value, 4) : Math.round(value),
        actual: actual.value,
        errorPct: round(errorPct(value, actual.value), 2),
        inSample: sample === "in",
        ...(sample === "flagged" ? { flag: FLAGGED_YEARS[fy] } : {}),
        source: actual.source,
      };
      rows.push(row);
    }
  }
  return rows;
}

export function mapeByMetric(
  rows: readonly BacktestRow[],
  metrics: readonly MetricName[],
): Partial<Record<MetricName, MapePair>> {
  const out: Partial<Record<MetricName, MapePair>> = {};
  for (const metric of metrics) {
    const mine = rows.filter((r) => r.metric === metric && r.flag === undefined);
    const inSample = mape(mine.filter((r) => r.inSample).map((r) => r.errorPct));
    const outOfSample = mape(mine.filter((r) => !r.inSample).map((r) => r.errorPct));
    if (inSample === null && outOfSample === null) continue;
    out[metric] = {
      inSample: inSample === null ? null : round(inSample, 2),
      outOfSample: outOfSample === null ? null : round(outOfSample, 2),
    };
  }
  return out;
}

export function buildReport(
  modelled: ModelledTable,
  actuals: Actuals,
  metrics: readonly MetricName[],
): BacktestReport {
  const years = compareRows(modelled, actuals, metrics);
  return { years, mape: mapeByMetric(years, metrics) };
}
