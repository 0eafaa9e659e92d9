/**
 * Averages each metric over replications. A metric a replication cannot measure (missing series, year not
 * covered) is left out for that year rather than averaged as zero.
 */
import type { Results } from "../model/results.ts";
import type { ModelledTable } from "./compare.ts";
import { type MetricName, measureMetric } from "./metrics.ts";

export function modelledTable(
  runs: readonly Results[],
  metrics: readonly MetricName[],
  years: readonly number[],
): ModelledTable {
  const table = new Map<MetricName, Map<number, number>>();
  for (const metric of metrics) {
    const byYear = new Map<number, number>();
    for (const fy of years) {
      let total = 0;
      let count = 0;
      for (const results of runs) {
        const v = measureMetric(results, metric, fy);
        if (v === null) continue;
        total += v;
        count++;
      }
      if (count === runs.length && count > 0) byYear.set(fy, total / count);
    }
    table.set(metric, byYear);
  }
  return table;
}
