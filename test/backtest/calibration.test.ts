import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  findFreeParameters,
  overridesFor,
  type ParameterRecord,
} from "../../src/backtest/free-parameters.ts";
import { coordinateSearch } from "../../src/backtest/search.ts";
import { writeFittedValues } from "../../src/backtest/write-back.ts";

const sourced = {
  references: [{ title: "t", href: "https://example.org" }],
  assumption: false,
  origin: "parameters",
} as const;
const free = (reason: string) =>
  ({ references: [], assumption: true, reason, origin: "parameters" }) as const;

describe("free parameters", () => {
  const records: ParameterRecord[] = [
    {
      path: "arrests.at_large_per_officer_year",
      kind: "scalar",
      file: "parameters/arrests/at_large_per_officer_year.yaml",
      values: [
        {
          date: "2014-10-01",
          value: 20,
          provenance: free("No source; calibrated to ICE arrests (see docs/calibration.md)."),
        },
        {
          date: "2017-01-25",
          value: 30,
          provenance: free("Priorities widened; calibrated (docs/calibration.md)."),
        },
      ],
      uncertainty: { distribution: "uniform", low: -0.5, high: 1, assumption: true, references: [] },
    },
    {
      path: "detention.detained_docket_share",
      kind: "scalar",
      file: "parameters/detention/detained_docket_share.yaml",
      values: [
        {
          date: "2014-10-01",
          value: 0.5,
          provenance: free("Calibrated on FY2015-FY2019 only (see docs/calibration.md)."),
        },
      ],
    },
    {
      path: "courts.judges",
      kind: "scalar",
      file: "parameters/courts/judges.yaml",
      values: [{ date: "2014-10-01", value: 250, provenance: sourced }],
    },
    {
      path: "departure.voluntary_rate",
      kind: "scalar",
      file: "parameters/departure/voluntary_rate.yaml",
      values: [{ date: "2014-10-01", value: 0.01, provenance: free("Expert judgement, no study.") }],
    },
    {
      path: "arrests.at_large_depletion_exponent",
      kind: "scalar",
      file: "parameters/arrests/at_large_depletion_exponent.yaml",
      values: [
        {
          date: "2014-10-01",
          value: 1,
          provenance: free("FY2015-FY2019 calibration can hardly identify it."),
        },
      ],
    },
  ];

  it("selects only scalar assumptions whose reason names docs/calibration.md", () => {
    const found = findFreeParameters(records);
    expect(found.map((p) => p.path)).toEqual([
      "arrests.at_large_per_officer_year",
      "detention.detained_docket_share",
    ]);
  });

  it("bounds the multiplier by the uncertainty range and the catalogue's maximum", () => {
    const [arrests, share] = findFreeParameters(records);
    expect([arrests!.lower, arrests!.upper]).toEqual([0.5, 2]);
    expect(share!.lower).toBe(0.25);
    expect(share!.upper).toBe(2); // a share of 0.5 may at most double
  });

  it("turns multipliers into dated overrides that keep assumption: true", () => {
    const found = findFreeParameters(records);
    const o = overridesFor(found, [1.5, 0.8], "trial");
    expect(o["arrests.at_large_per_officer_year"]).toEqual({
      "2014-10-01": { value: 30, assumption: true, reason: "trial" },
      "2017-01-25": { value: 45, assumption: true, reason: "trial" },
    });
    expect(o["detention.detained_docket_share"]!["2014-10-01"]!.value).toBe(0.4);
  });
});

describe("coordinate search", () => {
  it("finds the minimum of a separable function inside the bounds", async () => {
    const target = [3, 0.5];
    const f = (x: readonly number[]) => x.reduce((s, v, i) => s + Math.log(v / target[i]!) ** 2, 0);
    const result = await coordinateSearch(f, [1, 1], {
      lower: [0.25, 0.25],
      upper: [4, 4],
      finalFactor: 1.01,
    });
    expect(result.x[0]).toBeCloseTo(3, 1);
    expect(result.x[1]).toBeCloseTo(0.5, 1);
    expect(result.value).toBeLessThan(result.start.value);
  });

  it("stays inside the bounds and respects the evaluation budget", async () => {
    const seen: number[][] = [];
    const result = await coordinateSearch((x) => -x[0]!, [1], {
      lower: [0.5],
      upper: [2],
      maxEvaluations: 7,
      onEvaluation: (x) => seen.push([...x]),
    });
    expect(result.x[0]).toBe(2);
    expect(result.evaluations).toBeLessThanOrEqual(7);
    for (const [x] of seen) expect(x).toBeLessThanOrEqual(2);
  });
});

describe("writing fitted values back", () => {
  it("changes only the fitted values and notes docs/calibration.md in the reason", () => {
    const dir = mkdtempSync(join(tmpdir(), "immsim-cal-"));
    const file = join(dir, "p.yaml");
    writeFileSync(
      file,
      [
        "# a comment that must survive",
        "description: Arrests per officer-year.",
        "unit: arrests per officer-year",
        "values:",
        "  2014-10-01:",
        "    value: 20",
        "    assumption: true",
        "    reason: No source; calibrated to ICE arrests.",
        "  2019-10-01:",
        "    value: 25",
        "    reference:",
        "      - { title: t, href: https://example.org }",
        "",
      ].join("\n"),
    );
    writeFittedValues(file, new Map([["2014-10-01", 23.5]]));
    const text = readFileSync(file, "utf8");
    expect(text).toContain("# a comment that must survive");
    const doc = parse(text) as {
      values: Record<string, { value: number; assumption?: boolean; reason?: string }>;
    };
    expect(doc.values["2014-10-01"]).toMatchObject({ value: 23.5, assumption: true });
    expect(doc.values["2014-10-01"]!.reason).toMatch(/calibrated to ICE arrests\. .*docs\/calibration\.md/);
    expect(doc.values["2019-10-01"]!.value).toBe(25);
    expect(() => writeFittedValues(file, new Map([["2019-10-01", 1]]))).toThrow(
      /not marked assumption: true/,
    );
  });
});
