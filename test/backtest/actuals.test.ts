import { describe, expect, it } from "vitest";
import { actualsFromObject, loadActuals } from "../../src/backtest/actuals.ts";
import { IN_SAMPLE_YEARS, OUT_OF_SAMPLE_YEARS } from "../../src/backtest/periods.ts";

describe("actuals file", () => {
  const actuals = loadActuals();

  it("loads the cited figures with sources and reliability tags", () => {
    const fy2019 = actuals.get("removals", 2019)!;
    expect(fy2019.value).toBe(267258);
    expect(fy2019.reliability).toBe("official");
    expect(fy2019.source).toMatch(/^https?:\/\//);
  });

  it("has in- and out-of-sample figures for the target metrics", () => {
    for (const metric of ["removals", "detention_adp"] as const) {
      expect(IN_SAMPLE_YEARS.filter((fy) => actuals.get(metric, fy)).length).toBe(5);
      expect(OUT_OF_SAMPLE_YEARS.filter((fy) => actuals.get(metric, fy)).length).toBe(3);
    }
  });

  it("names the file, the field and the fix for bad input", () => {
    const bad = {
      description: "x",
      metrics: { removals: { description: "r", unit: "p", values: { FY2025: { value: 1 } } } },
    };
    expect(() => actualsFromObject(bad, "bad.yaml")).toThrow(
      /bad\.yaml[\s\S]*metrics\.removals\.values\.FY2025[\s\S]*FY2012\.\.FY2024/,
    );
    const unknown = {
      description: "x",
      metrics: { deportations: { description: "r", unit: "p", values: {} } },
    };
    expect(() => actualsFromObject(unknown, "bad.yaml")).toThrow(/bad\.yaml/);
  });
});
