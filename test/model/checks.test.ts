/** Invariants on every run, determinism, and the same KPIs at scale 0.1 and 1.0. */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { FLOW_SERIES, STOCK_SERIES } from "../../src/model/results.ts";
import { everyPolicy, syntheticScenario } from "../../src/model/synthetic-scenario.ts";
import { expectChecksPass, total } from "./helpers.ts";

const every = syntheticScenario({ horizonDays: 3 * 365, policies: everyPolicy(), targetRemovals: 2000 });

describe("a run with every stage and one event of every policy type", () => {
  const r = runModel(every);

  it("conserves people, respects capacities and charges quantity × unit cost", () => {
    expectChecksPass(r);
    for (const line of r.costs) expect(line.amount).toBeCloseTo(line.quantity * line.unitCost, 6);
  });

  it("records every stock and flow series, daily, and aggregates them", () => {
    for (const name of [...STOCK_SERIES, ...FLOW_SERIES])
      expect(r.daily[name]?.length, name).toBe(every.horizonDays);
    const monthlyRemovals = r.monthly.reduce((a, m) => a + m.values["flow.removals"]!, 0);
    expect(monthlyRemovals).toBeCloseTo(total(r, "flow.removals"), 6);
    const fyRemovals = r.fiscalYears.reduce((a, m) => a + m.values["flow.removals"]!, 0);
    expect(fyRemovals).toBeCloseTo(r.kpis.removalsTotal, 6);
    expect(r.utilisation.length).toBe(r.monthly.length);
  });

  it("uses every stage of the pipeline", () => {
    // Beds never fill in this scenario and its detention policy detains everyone (deferrals and releases
    // are tested with the detention policy); its border dispositions stop parole on day 30.
    const notHere = new Set([
      "flow.arrests_deferred",
      "flow.releases_when_full",
      "flow.releases_to_atd",
      "flow.border_paroled",
    ]);
    const unused = FLOW_SERIES.filter((f) => !notHere.has(f) && !(total(r, f) > 0));
    expect(unused).toEqual([]);
    expect(r.kpis.removalsTotal).toBe(
      total(r, "flow.removals.ice_arrested") + total(r, "flow.removals.border"),
    );
    expect(r.kpis.yearsToTarget).not.toBeNull();
    expect(r.kpis.peakDetention).toBeGreaterThan(0);
    expect(r.kpis.meanDaysInDetention).toBeGreaterThan(0);
    expect(r.kpis.p95DaysInDetention).toBeGreaterThanOrEqual(r.kpis.meanDaysInDetention);
  });

  it("keeps cost lines per stage and fiscal year, and budget lines", () => {
    const stages = new Set(r.costs.map((c) => c.stage));
    for (const s of [
      "arrest",
      "detention",
      "atd",
      "courts",
      "credible_fear",
      "transport",
      "third_country",
      "staffing",
      "capital",
      "incentives",
      "national_guard",
    ]) {
      expect(stages.has(s), s).toBe(true);
    }
    expect(
      r.budget.some((b) => b.agency === "ICE" && b.fiscalYear === "FY2026" && b.available === 60e6 + 20e6),
    ).toBe(true);
  });

  it("derives each impact from cited coefficients", () => {
    for (const line of r.impacts) {
      for (const c of line.coefficients) expect(c).toMatch(/^(impacts|population|detention|removal)\./);
    }
    const children = r.impacts.find((i) => i.name === "us_citizen_children_with_removed_parent")!;
    expect(children.value).toBeGreaterThan(0);
    expect(children.value).toBeLessThan(r.kpis.removalsTotal * 1.5);
  });

  it("is deterministic for a seed and replication, and differs between replications", () => {
    const again = runModel(every);
    expect(again.kpis).toEqual(r.kpis);
    expect(again.daily["stock.detained"]).toEqual(r.daily["stock.detained"]);
    const other = runModel(every, { replication: 1 });
    expect(other.kpis.removalsTotal).not.toBe(r.kpis.removalsTotal);
  });

  it("samples parameter uncertainty when asked", () => {
    const withUncertainty = syntheticScenario({ horizonDays: 365 });
    const base = runModel(withUncertainty);
    const sampled = runModel(withUncertainty, { sampleUncertainty: true });
    // The synthetic parameters carry no uncertainty blocks: sampling changes nothing.
    expect(sampled.kpis).toEqual(base.kpis);
  });
});

describe("scale", () => {
  // A small synthetic population (60,000) so that scale 1.0 is cheap. Scale 0.1 results are reported at
  // full scale; their mean over replications must agree with scale 1.0 within sampling error.
  const sc = (scale: number) =>
    syntheticScenario({ persons: 60_000, horizonDays: 2 * 365, scale, policies: everyPolicy(60_000) });
  const full = runModel(sc(1));
  const reps = [0, 1, 2, 3, 4, 5].map((replication) => runModel(sc(0.1), { replication }));
  const mean = (f: (r: typeof full) => number) => reps.reduce((a, r) => a + f(r), 0) / reps.length;

  it("gives the same KPIs at scale 0.1 and 1.0", () => {
    for (const r of reps) expectChecksPass(r);
    expect(full.timing.agents).toBeGreaterThan(9 * reps[0]!.timing.agents);
    const close = (name: string, f: (r: typeof full) => number, tol: number) => {
      const a = f(full);
      const b = mean(f);
      expect(Math.abs(b - a) / a, `${name}: scale 1.0 ${a}, scale 0.1 ${b}`).toBeLessThan(tol);
    };
    close("removals", (r) => r.kpis.removalsTotal, 0.08);
    close("book-ins", (r) => total(r, "flow.book_ins"), 0.08);
    close("court completions", (r) => total(r, "flow.court_completions.removal_order"), 0.1);
    close("mean detention population", (r) => total(r, "stock.detained") / r.horizonDays, 0.08);
    close("cost", (r) => r.kpis.costTotal, 0.08);
    close("at large at the end", (r) => r.daily["stock.at_large"]![r.horizonDays - 1]!, 0.03);
  });
});
