import { describe, expect, it } from "vitest";
import { measureMetric } from "../../src/backtest/metrics.ts";
import { daysInFiscalYear, syntheticResults } from "./synthetic.ts";

describe("court receipts", () => {
  // Backlog level 1000 × (FY - 2014) held through each year; 10 completions a day.
  const r = syntheticResults({
    series: {
      "stock.court_backlog": (fy) => 1000 * (fy - 2014),
      "flow.court_completions.removal_order": () => 6,
      "flow.court_completions.voluntary_departure": () => 1,
      "flow.court_completions.relief": () => 1,
      "flow.court_completions.termination": () => 1,
      "flow.court_completions.in_absentia": () => 1,
    },
  });

  it("are the year's change in the backlog plus its completions", () => {
    expect(measureMetric(r, "court_receipts", 2016)).toBe(1000 + 10 * daysInFiscalYear(2016));
  });

  it("are not measured for the year the run starts in (no stock on its eve)", () => {
    expect(measureMetric(r, "court_receipts", 2015)).toBeNull();
  });
});
