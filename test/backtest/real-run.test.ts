/**
 * One small run of the real model through the backtest: every metric in the actuals file is measured
 * (no series missing), values are finite, and the JSON carries in-sample, out-of-sample and flagged rows.
 */
import { describe, expect, it } from "vitest";
import { loadActuals } from "../../src/backtest/actuals.ts";
import { modelDeps } from "../../src/backtest/model-deps.ts";
import { runBacktest } from "../../src/backtest/run.ts";

describe("backtest on the real model (small scale)", () => {
  it("measures every metric and splits the years", async () => {
    const actuals = loadActuals();
    const { report, run } = await runBacktest(
      { scale: 0.002, seed: 11, replications: 1, years: 10 },
      modelDeps(),
      actuals,
    );
    expect([...run.missing.keys()]).toEqual([]);
    expect(run.failedChecks).toEqual([]);
    for (const row of report.years) {
      expect(Number.isFinite(row.modelled)).toBe(true);
      expect(row.modelled).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(report.years.map((r) => r.metric))).toEqual(new Set(actuals.metrics()));
    expect(report.years.some((r) => r.inSample)).toBe(true);
    expect(report.years.some((r) => r.flag === "pandemic/Title 42")).toBe(true);
    expect(report.years.some((r) => !r.inSample && !r.flag)).toBe(true);
    expect(report.mape.removals?.inSample).toBeTypeOf("number");
    expect(report.mape.removals?.outOfSample).toBeTypeOf("number");
  });
});
