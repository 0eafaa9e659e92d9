import { describe, expect, it } from "vitest";
import { type Actuals, type ActualValue, loadActuals } from "../../src/backtest/actuals.ts";
import type { ModelledTable } from "../../src/backtest/compare.ts";
import type { MetricName } from "../../src/backtest/metrics.ts";
import { CALIBRATION_METRICS, inSampleObjective } from "../../src/backtest/objective.ts";
import { IN_SAMPLE_YEARS } from "../../src/backtest/periods.ts";

/** Wraps the real actuals and records every fiscal year anyone asks about. */
function spyActuals(inner: Actuals, asked: Set<number>): Actuals {
  return {
    ...inner,
    get: (metric: MetricName, fy: number): ActualValue | undefined => {
      asked.add(fy);
      return inner.get(metric, fy);
    },
  };
}

/** A model table that records the years read and returns actual × factor(fy). */
function spyTable(actuals: Actuals, factor: (fy: number) => number, asked: Set<number>): ModelledTable {
  const table = new Map<MetricName, ReadonlyMap<number, number>>();
  for (const metric of CALIBRATION_METRICS) {
    const byYear = new Map<number, number>();
    for (let fy = 2015; fy <= 2024; fy++) {
      const a = actuals.get(metric, fy);
      if (a) byYear.set(fy, a.value * factor(fy));
    }
    const spied = {
      get: (fy: number) => {
        asked.add(fy);
        return byYear.get(fy);
      },
    } as ReadonlyMap<number, number>;
    table.set(metric, spied);
  }
  return table;
}

describe("calibration objective", () => {
  const actuals = loadActuals();

  it("reads only FY2015-FY2019 from the model table and the actuals", () => {
    const askedActuals = new Set<number>();
    const askedModel = new Set<number>();
    inSampleObjective(
      spyTable(actuals, () => 1.2, askedModel),
      spyActuals(actuals, askedActuals),
    );
    expect([...askedActuals].sort()).toEqual([...IN_SAMPLE_YEARS]);
    for (const fy of askedModel) expect(IN_SAMPLE_YEARS).toContain(fy);
  });

  it("does not change when out-of-sample or pandemic years change", () => {
    const good = inSampleObjective(
      spyTable(actuals, () => 1.2, new Set()),
      actuals,
    );
    const wild = inSampleObjective(
      spyTable(actuals, (fy) => (fy >= 2020 ? 50 : 1.2), new Set()),
      actuals,
    );
    expect(good.value).toBeCloseTo(20, 6);
    expect(wild.value).toBe(good.value);
  });

  it("is the mean of the per-metric in-sample MAPEs", () => {
    // Metric i is off by 10 × i percent in every in-sample year.
    const table = new Map<MetricName, ReadonlyMap<number, number>>();
    CALIBRATION_METRICS.forEach((metric, i) => {
      const byYear = new Map<number, number>();
      for (const fy of IN_SAMPLE_YEARS) {
        const a = actuals.get(metric, fy);
        if (a) byYear.set(fy, a.value * (1 + 0.1 * i));
      }
      table.set(metric, byYear);
    });
    const result = inSampleObjective(table, actuals);
    CALIBRATION_METRICS.forEach((metric, i) => {
      expect(result.byMetric[metric]).toBeCloseTo(10 * i, 6);
    });
    const n = CALIBRATION_METRICS.length;
    expect(result.value).toBeCloseTo((10 * (n * (n - 1))) / 2 / n, 6);
  });
});
