/**
 * The run layer's only link to the model and the scenario loader, so that their signatures are named in
 * one place. Both are imported when first needed: commands that only read the store never load them, and
 * the main thread of a run never loads the model (the pool threads do).
 */
import type { Results } from "../model/results.ts";
import type { Scenario } from "../params/types.ts";
import type { ScenarioOverrides } from "./job.ts";

export type ModelProgress = (day: number, horizonDays: number, events: number) => void;

export async function loadScenario(file: string, overrides: ScenarioOverrides): Promise<Scenario> {
  const { loadScenarioFile } = await import("../params/scenario.ts");
  return loadScenarioFile(file, overrides);
}

/**
 * A scenario from the text a job carries (the file is named only in messages), resolved against this
 * installation's parameter tree. The main thread has already validated the same text with loadScenario.
 */
export async function scenarioFromText(
  text: string,
  file: string,
  overrides: ScenarioOverrides,
): Promise<Scenario> {
  const { parseScenarioText } = await import("../params/scenario.ts");
  const { readParameterTree } = await import("../params/tree.ts");
  const { tree } = readParameterTree();
  return parseScenarioText(text, file, tree, overrides);
}

export async function runReplicationOf(
  scenario: Scenario,
  replication: number,
  options: { sampleUncertainty: boolean; dailyChecks: boolean; onProgress?: ModelProgress },
): Promise<Results> {
  const { runModel } = await import("../model/index.ts");
  return runModel(scenario, {
    replication,
    seed: scenario.seed,
    sampleUncertainty: options.sampleUncertainty,
    dailyChecks: options.dailyChecks,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
