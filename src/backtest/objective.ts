/**
 * The calibration objective: the mean, over the calibration metrics, of each metric's MAPE on the
 * in-sample years only. It asks the model table and the actuals only about FY2015-FY2019, so nothing a
 * fit does can depend on the out-of-sample years (test/backtest/objective.test.ts checks this).
 */
import type { Actuals } from "./actuals.ts";
import { compareRows, type ModelledTable, mape } from "./compare.ts";
import type { MetricName } from "./metrics.ts";
import { IN_SAMPLE_YEARS } from "./periods.ts";

/**
 * The metrics the free parameters are fitted to, each weighted equally: the ones the parameter files name
 * as their calibration targets (removals, ICE arrests, detention population and length of stay, the court
 * backlog) and the two that separate the channels (ICE-arrested removals, book-ins).
 */
export const CALIBRATION_METRICS: readonly MetricName[] = [
  "removals",
  "removals_ice_arrested",
  "ice_arrests",
  "detention_adp",
  "book_ins",
  "court_backlog",
];

export interface ObjectiveValue {
  /** Mean of the per-metric in-sample MAPEs (percent). */
  readonly value: number;
  readonly byMetric: Readonly<Partial<Record<MetricName, number>>>;
}

export function inSampleObjective(
  modelled: ModelledTable,
  actuals: Actuals,
  metrics: readonly MetricName[] = CALIBRATION_METRICS,
): ObjectiveValue {
  const rows = compareRows(modelled, actuals, metrics, IN_SAMPLE_YEARS);
  const byMetric: Partial<Record<MetricName, number>> = {};
  const perMetric: number[] = [];
  for (const metric of metrics) {
    const m = mape(rows.filter((r) => r.metric === metric).map((r) => r.errorPct));
    if (m === null) continue;
    byMetric[metric] = m;
    perMetric.push(m);
  }
  if (perMetric.length === 0) {
    throw new Error(`no in-sample year has both a modelled and an actual value for ${metrics.join(", ")}`);
  }
  return { value: perMetric.reduce((a, b) => a + b, 0) / perMetric.length, byMetric };
}
