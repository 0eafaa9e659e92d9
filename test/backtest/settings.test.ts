import { describe, expect, it } from "vitest";
import { BACKTEST_START, backtestScenarioObject } from "../../src/backtest/settings.ts";
import { parseIsoDay } from "../../src/util/dates.ts";

describe("backtest scenario", () => {
  it("starts on the first day of FY2015 (no burn-in) and ends on the last day of FY2024", () => {
    const doc = backtestScenarioObject({ scale: 0.02, seed: 1, replications: 3, years: 10 });
    const start = parseIsoDay(doc.start)!;
    expect(start).toBe(parseIsoDay("2014-10-01"));
    expect(start + doc.horizon.days).toBe(parseIsoDay("2024-10-01"));
    expect(doc.policies).toEqual([]);
    expect(doc.start).toBe(BACKTEST_START);
  });

  it("ends calibration runs on the last day of FY2019, before any out-of-sample year", () => {
    const doc = backtestScenarioObject({ scale: 0.02, seed: 1, replications: 2, years: 5 });
    expect(parseIsoDay(doc.start)! + doc.horizon.days).toBe(parseIsoDay("2019-10-01"));
    expect(doc.name).toBe("backtest-fy2015-fy2019");
  });
});
