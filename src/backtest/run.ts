/**
 * Runs the backtest: builds the scenario, runs its replications, averages each metric over them and
 * compares with the actuals. The model and the scenario loader come in as `BacktestDeps` so the
 * comparison can be tested on synthetic Results and the calibration can pass parameter overrides.
 */
import type { Results } from "../model/results.ts";
import type { Scenario } from "../params/types.ts";
import type { Actuals } from "./actuals.ts";
import { modelledTable } from "./aggregate.ts";
import { type BacktestReport, buildReport, type ModelledTable } from "./compare.ts";
import { METRIC_NAMES, type MetricName, missingSeries } from "./metrics.ts";
import { BACKTEST_FIRST_FY } from "./periods.ts";
import { type BacktestSettings, backtestScenarioObject, type ScenarioObject } from "./settings.ts";

export interface BacktestDeps {
  /** Resolves a scenario document against the parameter tree. */
  scenario(doc: ScenarioObject): Scenario | Promise<Scenario>;
  /** Runs one replication (central parameter values, no uncertainty sampling). */
  runReplication(scenario: Scenario, replication: number): Results;
}

export interface BacktestRun {
  readonly modelled: ModelledTable;
  /** Metrics the model cannot provide, with the series it lacks. */
  readonly missing: ReadonlyMap<MetricName, readonly string[]>;
  readonly failedChecks: readonly string[];
  readonly wallSeconds: number;
}

export async function simulate(
  settings: BacktestSettings,
  deps: BacktestDeps,
  metrics: readonly MetricName[] = METRIC_NAMES,
  overrides?: ScenarioObject["overrides"],
): Promise<BacktestRun> {
  const t0 = performance.now();
  const scenario = await deps.scenario(backtestScenarioObject(settings, overrides));
  const runs: Results[] = [];
  for (let r = 0; r < settings.replications; r++) runs.push(deps.runReplication(scenario, r));
  const years: number[] = [];
  for (let i = 0; i < settings.years; i++) years.push(BACKTEST_FIRST_FY + i);
  const failedChecks = runs.flatMap((res) =>
    res.checks.conservation && res.checks.capacity && res.checks.costIdentity
      ? []
      : res.checks.messages.map((m) => `replication ${res.replication}: ${m}`),
  );
  return {
    modelled: modelledTable(runs, metrics, years),
    missing: runs.length > 0 ? missingSeries(runs[0]!, metrics) : new Map(),
    failedChecks,
    wallSeconds: (performance.now() - t0) / 1000,
  };
}

export async function runBacktest(
  settings: BacktestSettings,
  deps: BacktestDeps,
  actuals: Actuals,
): Promise<{ report: BacktestReport; run: BacktestRun }> {
  const metrics = actuals.metrics();
  const run = await simulate(settings, deps, metrics);
  return { report: buildReport(run.modelled, actuals, metrics), run };
}
