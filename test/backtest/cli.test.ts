import { afterEach, describe, expect, it, vi } from "vitest";
import { loadActuals } from "../../src/backtest/actuals.ts";
import type { BacktestDeps } from "../../src/backtest/run.ts";
import type { ScenarioObject } from "../../src/backtest/settings.ts";
import { backtestCommandWith } from "../../src/cli/commands/backtest.ts";
import { buildProgram, runProgram } from "../../src/cli/program.ts";
import type { Scenario } from "../../src/params/types.ts";
import { daysInFiscalYear, syntheticResults } from "./synthetic.ts";

const actuals = loadActuals();

/** A stand-in model whose removals are the actual figure × 1.1 and whose detention is the actual × 0.9. */
function fakeDeps(seen: ScenarioObject[]): BacktestDeps {
  return {
    scenario: (doc) => {
      seen.push(doc);
      return { name: doc.name, start: doc.start, horizonDays: doc.horizon.days } as unknown as Scenario;
    },
    runReplication: (scenario, replication) => ({
      ...syntheticResults({
        start: scenario.start,
        horizonDays: scenario.horizonDays,
        series: {
          "flow.removals": (fy) => ((actuals.get("removals", fy)?.value ?? 0) * 1.1) / daysInFiscalYear(fy),
          "stock.detained": (fy) => (actuals.get("detention_adp", fy)?.value ?? 0) * 0.9,
        },
      }),
      replication,
    }),
  };
}

async function run(args: string[], deps: BacktestDeps): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const program = buildProgram([backtestCommandWith(async () => deps)]);
    const code = await runProgram(program, ["backtest", ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("immsim backtest", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints exactly one JSON document of the contract's shape with --json", async () => {
    const seen: ScenarioObject[] = [];
    const { code, out, err } = await run(["--json", "--replications", "2"], fakeDeps(seen));
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { years: Record<string, unknown>[]; mape: Record<string, unknown> };
    expect(Object.keys(doc).sort()).toEqual(["mape", "years"]);
    const fy2019 = doc.years.find((r) => r.fiscalYear === "FY2019" && r.metric === "removals")!;
    expect(fy2019).toMatchObject({ actual: 267258, modelled: Math.round(267258 * 1.1), inSample: true });
    expect(fy2019.errorPct).toBeCloseTo(10, 1);
    expect(doc.years.find((r) => r.fiscalYear === "FY2021")).toMatchObject({ flag: "pandemic/Title 42" });
    expect(doc.mape.removals).toEqual({ inSample: 10, outOfSample: 10 });
    expect(doc.mape.detention_adp).toEqual({ inSample: 10, outOfSample: 10 });
    expect(err).toMatch(/not compared: ice_arrests \(the model records no flow\.arrests\.at_large/);
    expect(seen[0]).toMatchObject({
      start: "2014-10-01", // no burn-in: detention starts at the FY2015 level
      horizon: { days: 3653 },
      replications: 2,
      policies: [],
    });
  });

  it("prints a table with MAPE lines and the pandemic flag", async () => {
    const { code, out } = await run([], fakeDeps([]));
    expect(code).toBe(0);
    expect(out).toMatch(/ICE removals/);
    expect(out).toMatch(/FY2019 +293,984 +267,258 official +\+10\.0% {2}in sample/);
    expect(out).toMatch(/MAPE out of sample \(FY2022-FY2024\): 10\.0%/);
    expect(out).toMatch(/flagged: pandemic\/Title 42/);
  });

  it("exits 2 on bad flags and on an unreadable actuals file", async () => {
    expect((await run(["--scale", "0"], fakeDeps([]))).code).toBe(2);
    expect((await run(["--replications", "1.5"], fakeDeps([]))).code).toBe(2);
    const missing = await run(["--actuals", "/nonexistent/actuals.yaml"], fakeDeps([]));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/\/nonexistent\/actuals\.yaml/);
  });

  it("exits 1 when the model fails while running", async () => {
    const failing: BacktestDeps = {
      ...fakeDeps([]),
      runReplication: () => {
        throw new Error("out of beds");
      },
    };
    const { code, err } = await run(["--json"], failing);
    expect(code).toBe(1);
    expect(err).toMatch(/out of beds/);
  });
});
