import { describe, expect, it } from "vitest";
import { actualsFromObject } from "../../src/backtest/actuals.ts";
import { modelledTable } from "../../src/backtest/aggregate.ts";
import { buildReport, compareRows, errorPct, mape, mapeByMetric } from "../../src/backtest/compare.ts";
import { measureMetric } from "../../src/backtest/metrics.ts";
import { backtestYears, sampleOf } from "../../src/backtest/periods.ts";
import { daysInFiscalYear, syntheticResults } from "./synthetic.ts";

const src = "https://example.org/table";
const entry = (value: number) => ({ value, reliability: "official", source: src });

function actualsOf(values: Record<string, Record<string, number>>) {
  const metrics: Record<string, unknown> = {};
  for (const [metric, byYear] of Object.entries(values)) {
    metrics[metric] = {
      description: metric,
      unit: "persons",
      values: Object.fromEntries(Object.entries(byYear).map(([fy, v]) => [fy, entry(v)])),
    };
  }
  return actualsFromObject({ description: "test", metrics }, "test.yaml");
}

describe("percentage errors and MAPE", () => {
  it("computes signed errors in percent of the actual", () => {
    expect(errorPct(110, 100)).toBeCloseTo(10, 12);
    expect(errorPct(75, 100)).toBeCloseTo(-25, 12);
    expect(() => errorPct(1, 0)).toThrow();
  });

  it("averages absolute errors and is null for no rows", () => {
    expect(mape([10, -30, 20])).toBeCloseTo(20, 12);
    expect(mape([])).toBeNull();
  });
});

describe("splitting years", () => {
  it("puts FY2015-19 in sample, FY2022-24 out, FY2020-21 flagged", () => {
    expect(backtestYears()).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect([2015, 2019].map(sampleOf)).toEqual(["in", "in"]);
    expect([2020, 2021].map(sampleOf)).toEqual(["flagged", "flagged"]);
    expect([2022, 2024].map(sampleOf)).toEqual(["out", "out"]);
    expect(() => sampleOf(2014)).toThrow(/outside/);
  });

  it("excludes flagged years from both MAPEs and keeps them as rows", () => {
    // Modelled is 10% high in sample, 20% low out of sample and 500% high in the pandemic years.
    const factor = (fy: number) => (fy <= 2019 ? 1.1 : fy >= 2022 ? 0.8 : 6);
    const actual = Object.fromEntries(backtestYears().map((fy) => [`FY${fy}`, 1000 * fy]));
    const actuals = actualsOf({ removals: actual });
    const modelled = new Map([
      ["removals" as const, new Map(backtestYears().map((fy) => [fy, factor(fy) * 1000 * fy]))],
    ]);
    const report = buildReport(modelled, actuals, ["removals"]);
    expect(report.years).toHaveLength(10);
    expect(report.mape.removals).toEqual({ inSample: 10, outOfSample: 20 });
    const fy2020 = report.years.find((r) => r.fiscalYear === "FY2020")!;
    expect(fy2020).toMatchObject({ inSample: false, flag: "pandemic/Title 42", errorPct: 500 });
    expect(report.years.find((r) => r.fiscalYear === "FY2022")!.flag).toBeUndefined();
  });

  it("reports null for a set of years without actual figures", () => {
    const actuals = actualsOf({ book_ins: { FY2015: 100, FY2016: 200 } });
    const modelled = new Map([["book_ins" as const, new Map(backtestYears().map((fy) => [fy, 150]))]]);
    const rows = compareRows(modelled, actuals, ["book_ins"]);
    expect(rows.map((r) => r.fiscalYear)).toEqual(["FY2015", "FY2016"]);
    expect(mapeByMetric(rows, ["book_ins"]).book_ins).toEqual({ inSample: 37.5, outOfSample: null }); // (50 + 25) / 2;
  });
});

describe("reading metrics from Results", () => {
  const results = syntheticResults({
    series: {
      "flow.removals": (fy) => fy - 2000, // per day
      "stock.detained": (fy) => 100 * fy,
      "stock.court_backlog": (fy) => fy,
      "flow.border_encounters": () => 10,
      "flow.border_returned_or_expelled": () => 4,
    },
  });

  it("sums flows over the fiscal year", () => {
    expect(measureMetric(results, "removals", 2016)).toBe(16 * daysInFiscalYear(2016));
  });

  it("averages detention and takes the backlog on the year's last day", () => {
    expect(measureMetric(results, "detention_adp", 2019)).toBeCloseTo(201900, 6);
    expect(measureMetric(results, "court_backlog", 2019)).toBe(2019);
  });

  it("computes shares as ratios of summed flows", () => {
    expect(measureMetric(results, "border_returned_or_expelled_share", 2022)).toBeCloseTo(0.4, 12);
  });

  it("is null for missing series and for years the run does not cover", () => {
    expect(measureMetric(results, "book_ins", 2016)).toBeNull();
    expect(measureMetric(results, "removals", 2025)).toBeNull();
    expect(measureMetric(results, "removals", 2014)).toBeNull();
  });

  it("averages replications", () => {
    const a = syntheticResults({ series: { "flow.removals": () => 1 } });
    const b = syntheticResults({ series: { "flow.removals": () => 3 } });
    const table = modelledTable([a, b], ["removals"], [2017]);
    expect(table.get("removals")!.get(2017)).toBe(2 * 365);
  });
});
