/**
 * The real model and scenario loader behind `BacktestDeps`: the one place the backtest names their
 * signatures. The parameter tree is read once and shared by every scenario built from it.
 */
import { runModel } from "../model/index.ts";
import type { Results } from "../model/results.ts";
import { loadParameterTree, type ParameterTree, scenarioFromObject } from "../params/index.ts";
import type { Scenario } from "../params/types.ts";
import type { BacktestDeps } from "./run.ts";

export function modelDeps(tree: ParameterTree = loadParameterTree()): BacktestDeps {
  return {
    scenario: (doc) => scenarioFromObject(doc, tree, "<backtest>"),
    runReplication: (scenario: Scenario, replication: number): Results =>
      // Central values only: the backtest asks what the dated history gives, not its uncertainty band.
      runModel(scenario, { replication, seed: scenario.seed, sampleUncertainty: false, dailyChecks: true }),
  };
}
