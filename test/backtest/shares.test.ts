import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFreeParameters, type ParameterRecord, scaledValue } from "../../src/backtest/free-parameters.ts";
import { writeFittedValues } from "../../src/backtest/write-back.ts";

const outcomes: ParameterRecord = {
  path: "courts.outcomes_detained",
  kind: "breakdown",
  file: "parameters/courts/outcomes_detained.yaml",
  values: [
    {
      date: "2011-10-01",
      value: { removal_order: 0.8, voluntary_departure: 0.06, relief: 0.06, termination: 0.08 },
      provenance: {
        references: [],
        assumption: true,
        reason: "Judgement; calibrated (see docs/calibration.md).",
        origin: "parameters",
      },
    },
  ],
};

describe("free tables of shares", () => {
  it("are fitted through their largest share, the others kept within the same factor range", () => {
    const [p] = findFreeParameters([outcomes]);
    expect(p).toMatchObject({ kind: "shares", lead: "removal_order" });
    expect(p!.lower).toBeCloseTo(0.25, 12);
    // The other shares (0.2 in total) may shrink at most to a quarter: 1 - 0.8 m >= 0.05, so m <= 1.1875.
    expect(p!.upper).toBeCloseTo(1.1875, 12);
  });

  it("keep their keys and sum to one after scaling", () => {
    const [p] = findFreeParameters([outcomes]);
    const v = scaledValue(p!, outcomes.values[0]!.value, 0.75) as Record<string, number>;
    expect(v.removal_order).toBeCloseTo(0.6, 10);
    expect(v.termination).toBeCloseTo(0.16, 10); // the other shares double: 0.2 -> 0.4 in total
    expect(Object.values(v).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Object.keys(v)).toEqual(["removal_order", "voluntary_departure", "relief", "termination"]);
  });

  it("are written back key by key, keeping the table's style and the reason", () => {
    const dir = mkdtempSync(join(tmpdir(), "immsim-cal-"));
    const file = join(dir, "o.yaml");
    writeFileSync(
      file,
      [
        "description: Outcomes.",
        "unit: share",
        "values:",
        "  2011-10-01:",
        "    value: { removal_order: 0.8, relief: 0.2 }",
        "    assumption: true",
        "    reason: Judgement (see docs/calibration.md).",
        "",
      ].join("\n"),
    );
    writeFittedValues(file, new Map([["2011-10-01", { removal_order: 0.7, relief: 0.3 }]]));
    const text = readFileSync(file, "utf8");
    expect(text).toContain("value: { removal_order: 0.7, relief: 0.3 }");
    expect(text).toContain("reason: Judgement (see docs/calibration.md).");
  });
});

describe("patching parameter files", () => {
  it("leaves every byte but the fitted numbers alone", () => {
    const dir = mkdtempSync(join(tmpdir(), "immsim-cal-"));
    const file = join(dir, "p.yaml");
    const before = [
      "description: >",
      "  A long folded description that a serializer would re-wrap at its own width, which must not happen",
      "  here.",
      "unit: cases per year",
      "values:",
      "  2011-10-01:",
      "    value: 50000 # starting value",
      "    assumption: true",
      "    reason: >",
      "      Starting value; calibrated on FY2015-FY2019 only",
      "      (see docs/calibration.md).",
      "  2019-10-01: { value: 60000, reference: &r [{ title: t, href: https://example.org }] }",
      "",
    ].join("\n");
    writeFileSync(file, before);
    writeFittedValues(file, new Map([["2011-10-01", 33330]]));
    expect(readFileSync(file, "utf8")).toBe(before.replace("value: 50000", "value: 33330"));
  });
});
