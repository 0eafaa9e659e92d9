import type { Results } from "../model/results.ts";
import type { Scenario } from "../params/types.ts";
import type { ReplicationJob } from "./job.ts";
import { type ModelProgress, runReplicationOf, scenarioFromText } from "./model-adapter.ts";

// A worker runs several replications of the same scenario; loading and resolving it once is enough.
const cache = new Map<string, Promise<Scenario>>();

/** Jobs with the same text and overrides run the same resolved scenario. */
export function scenarioKey(job: Pick<ReplicationJob, "scenarioText" | "overrides">): string {
  return JSON.stringify([job.scenarioText, job.overrides]);
}

/**
 * Hands a worker the scenario the main thread has already resolved, so that it need not load the
 * parameter files again (about a second of CPU per worker).
 */
export function primeScenario(key: string, scenario: Scenario): void {
  cache.set(key, Promise.resolve(scenario));
}

/** Runs one job to its Results: the same job gives the same Results in any process. */
export async function runReplicationJob(job: ReplicationJob, onProgress?: ModelProgress): Promise<Results> {
  const key = scenarioKey(job);
  let scenario = cache.get(key);
  if (!scenario) {
    scenario = scenarioFromText(job.scenarioText, job.scenarioFile, job.overrides);
    cache.set(key, scenario);
  }
  return runReplicationOf(await scenario, job.replication, {
    sampleUncertainty: job.sampleUncertainty,
    dailyChecks: job.dailyChecks,
    ...(onProgress ? { onProgress } : {}),
  });
}
