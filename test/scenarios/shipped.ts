/**
 * The scenario files this folder tests, and one way to run them small. Tests run one replication at the
 * scenario's central parameter values (no uncertainty sampling) so that a failure is reproducible.
 */
import { fileURLToPath } from "node:url";
import { runModel } from "../../src/model/index.ts";
import type { Results } from "../../src/model/results.ts";
import { loadScenarioFile } from "../../src/params/index.ts";
import type { Scenario } from "../../src/params/types.ts";

export const scenariosDir = fileURLToPath(new URL("../../scenarios/", import.meta.url));

/** Plans and baselines. */
export const PLAN_SCENARIOS = ["plan-2025", "status-quo-fy2024", "first-term-2017"] as const;

/** Study presets: run over their whole horizon, since their comparison lines are totals over the run. */
export const STUDY_PRESETS = [
  "aic-2024-one-time",
  "aic-2024-annual-1m",
  "aaf-2015-lower",
  "aaf-2015-upper",
] as const;

export const fileOf = (name: string): string => `${scenariosDir}${name}.yaml`;

export interface SmallRun {
  readonly scenario: Scenario;
  readonly results: Results;
}

export function runSmall(name: string, scale: number, horizonDays?: number): SmallRun {
  const scenario = loadScenarioFile(fileOf(name), {
    scale,
    replications: 1,
    ...(horizonDays === undefined ? {} : { horizonDays }),
  });
  const results = runModel(scenario, { replication: 0, sampleUncertainty: false });
  return { scenario, results };
}
