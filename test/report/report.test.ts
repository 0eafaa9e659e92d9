import { describe, expect, it } from "vitest";
import { compareRuns, compareWithStudy } from "../../src/report/compare.ts";
import { formatWithUnit, humanName } from "../../src/report/format.ts";
import { htmlReport } from "../../src/report/html.ts";
import { runDocument } from "../../src/report/json.ts";
import { largestImpacts, terminalSummary } from "../../src/report/summary.ts";
import { aggregate } from "../../src/run/aggregate.ts";
import { quantile } from "../../src/run/stats.ts";
import { toReplicationRecord } from "../../src/store/records.ts";
import { syntheticResults, syntheticScenario } from "../store/synthetic.ts";

const records = [0, 1, 2, 3].map((i) => toReplicationRecord(syntheticResults(7, i)));
const agg = aggregate(records);

describe("aggregate", () => {
  it("takes means and 5–95% ranges over replications", () => {
    const totals = records.map((r) => r.kpis.removalsTotal);
    expect(agg.kpis.removalsTotal).toBeCloseTo(totals.reduce((a, b) => a + b) / 4, 9);
    expect(agg.intervals.removalsTotal).toEqual([quantile(totals, 0.05), quantile(totals, 0.95)]);
    expect(agg.intervals.removalsTotal![0]!).toBeLessThanOrEqual(
      Math.min(...totals) + (Math.max(...totals) - Math.min(...totals)) * 0.2,
    );
    expect(agg.replications).toBe(4);
  });

  it("does not depend on the order replications arrive in", () => {
    expect(aggregate([...records].reverse())).toEqual(agg);
  });

  it("gives the median time to target, counting 'never' as later than any year", () => {
    // Replications 1 and 3 never reach the target: the median of two values and two nevers is never.
    expect(agg.kpis.yearsToTarget).toBeNull();
    const reached = aggregate(records.filter((r) => r.replication % 2 === 0));
    expect(reached.kpis.yearsToTarget).toBeGreaterThan(0.4);
    expect(agg.intervals.yearsToTarget![1]).toBeNull();
  });

  it("cumulates removals within each replication", () => {
    const last = agg.cumulativeRemovals.at(-1)!;
    expect(last.mean).toBeCloseTo(agg.kpis.removalsTotal, 6);
  });

  it("names the binding constraint of each period", () => {
    expect(agg.kpis.bindingConstraints.map((b) => b.resource)).toEqual([
      "judges",
      "judges",
      "judges",
      "beds",
      "beds",
      "beds",
    ]);
  });
});

describe("JSON document", () => {
  it("has exactly the keys of design.md section 7", () => {
    const doc = runDocument(agg, { wallSeconds: 2, rssBytes: 1e8 });
    expect(Object.keys(doc)).toEqual([
      "scenario",
      "seed",
      "scale",
      "replications",
      "kpis",
      "intervals",
      "checks",
      "timing",
    ]);
    expect(Object.keys(doc.kpis)).toEqual([
      "removalsTotal",
      "removalsByFiscalYear",
      "peakDetention",
      "costTotal",
      "costPerRemoval",
      "yearsToTarget",
      "bindingConstraints",
    ]);
    expect(Object.keys(doc.checks)).toEqual(["conservation", "capacity", "costIdentity"]);
    expect(doc.timing.eventsPerSecond).toBeCloseTo(agg.events / 2, 9);
    expect(doc.timing.events).toBe(4 * 100_000 + 0 + 1 + 2 + 3);
  });
});

describe("terminal summary", () => {
  const text = terminalSummary(agg, {
    target: 5000,
    run: { runId: 3, status: "complete", replicationsPlanned: 4 },
  });

  it("shows removals by fiscal year, time to target, detention, cost per removal and binding constraints", () => {
    expect(text).toContain("FY2025");
    expect(text).toMatch(/Time to target \(5,000 removals\)/);
    expect(text).toMatch(/Peak detention: .* people .* beds/);
    expect(text).toMatch(/Cost per removal: \$[\d,]+ per person removed/);
    expect(text).toMatch(/2025-01 – 2025-03\s+Judges/);
    expect(text).toMatch(/2025-04 – 2025-06\s+Beds/);
  });

  it("lists the three largest impacts on people with their units", () => {
    const section = text.slice(text.indexOf("Largest human impacts"));
    expect(section).toMatch(/Workers removed: [\d,]+ workers/);
    expect(section).toMatch(/U\.S\.-citizen children with a removed parent: [\d,]+ children/);
    expect(section).toMatch(/Expected deaths in custody: 0 deaths/);
    // Money comes after people: with three people lines there is no room for it.
    expect(section).not.toContain("Tax revenue lost");
  });
});

describe("largest impacts", () => {
  const line = (name: string, unit: string, mean: number) => ({
    name,
    unit,
    mean,
    low: mean,
    high: mean,
    coefficients: [],
  });

  it("skips breakdown lines and removals, and fills with other units when people lines run out", () => {
    const picked = largestImpacts(
      [
        line("removals", "persons", 1e6),
        line("workers_removed", "persons", 5e5),
        line("workers_removed.construction", "persons", 2e5),
        line("output_lost_per_year", "USD per year", 4e11),
        line("gdp_change_share", "share of U.S. GDP", 0.001),
      ],
      3,
    );
    expect(picked.map((i) => i.name)).toEqual([
      "workers_removed",
      "output_lost_per_year",
      "gdp_change_share",
    ]);
  });

  it("shows shares as percentages and reads snake_case names", () => {
    expect(formatWithUnit(0.0012, "share of U.S. GDP")).toBe("0.120% (share of U.S. GDP)");
    expect(formatWithUnit(4.2e11, "USD per year")).toBe("$420B per year");
    expect(humanName("us_citizen_children_with_removed_parent")).toBe(
      "U.S. citizen children with removed parent",
    );
    expect(humanName("workers_removed.construction")).toBe("Workers removed: construction");
  });
});

describe("HTML report", () => {
  const html = htmlReport({ aggregate: agg, scenario: syntheticScenario() });

  it("holds its charts as inline SVG with units on the axes", () => {
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(7);
    expect(html).toContain("People removed per month");
    expect(html).toContain("USD (nominal, mean over replications)");
    expect(html).toContain("Utilisation (share of capacity in use)");
  });

  it("is self-contained: no external scripts or styles", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/@import|src="http/i);
  });

  it("lists assumptions with their sources, policies and the escaped scenario text", () => {
    expect(html).toContain('<a href="https://example.org/ice-budget"');
    expect(html).toContain("assumption: inflation of 3%");
    expect(html).toContain("set by the scenario");
    expect(html).toContain("beds added");
    expect(html).toContain("Synthetic &lt;test&gt; scenario");
    expect(html).not.toContain("<test>");
  });
});

describe("HTML report of a study preset", () => {
  it("puts each study line beside the model's matching stages", () => {
    const transport = agg.costs.filter((c) => c.stage === "transport").reduce((s, c) => s + c.mean, 0);
    const scenario = {
      ...syntheticScenario(),
      study: {
        title: "A published estimate",
        href: "https://example.org/study",
        lines: [
          {
            line: "Removal flights",
            value: transport,
            unit: "USD",
            tag: "P" as const,
            stages: ["transport"],
            tolerance: 0.05,
          },
        ],
      },
    };
    const html = htmlReport({ aggregate: agg, scenario });
    expect(html).toContain("Against the study");
    expect(html).toContain('<a href="https://example.org/study"');
    expect(html).toMatch(
      /Removal flights \[P\]<\/td><td>[^<]+<\/td><td>[^<]+<\/td><td>\+0\.0%<\/td><td>±5\.0%<\/td><td>yes/,
    );
    expect(htmlReport({ aggregate: agg, scenario: syntheticScenario() })).not.toContain("Against the study");
  });
});

describe("comparisons", () => {
  it("compares study lines with the sum of the matching cost stages", () => {
    const transport = agg.costs.filter((c) => c.stage === "transport").reduce((s, c) => s + c.mean, 0);
    const rows = compareWithStudy(agg, {
      lines: [
        {
          line: "Removal flights",
          value: transport * 1.04,
          unit: "USD",
          tag: "P",
          stages: ["transport"],
          tolerance: 0.05,
        },
        {
          line: "Everything",
          value: transport / 2,
          unit: "USD",
          tag: "I",
          stages: ["transport", "detention"],
          tolerance: 0.5,
        },
      ],
    });
    expect(rows[0]!.modelValue).toBeCloseTo(transport, 6);
    expect(rows[0]!.differencePct).toBeCloseTo((1 / 1.04 - 1) * 100, 6);
    expect(rows[0]!.withinTolerance).toBe(true);
    const detention = agg.costs.filter((c) => c.stage === "detention").reduce((s, c) => s + c.mean, 0);
    expect(detention).toBeGreaterThan(0);
    expect(rows[1]!.modelValue).toBeCloseTo(transport + detention, 6);
    // The model is twice the study value plus detention: more than 50% above it.
    expect(rows[1]!.withinTolerance).toBe(false);
  });

  it("prints runs side by side with differences from the first", () => {
    const other = aggregate([0, 1].map((i) => toReplicationRecord(syntheticResults(8, i))));
    const text = compareRuns([
      { label: "run 1", aggregate: agg },
      { label: "run 2", aggregate: other },
    ]);
    expect(text).toContain("Δ run 2 vs run 1");
    expect(text).toMatch(/Cost: transport/);
    expect(text).toMatch(/Removals, total\s+people/);
  });
});
