import type { Results } from "../model/results.ts";
import type { Scenario } from "../params/types.ts";
import type { ReplicationJob } from "./job.ts";
import { type ModelProgress, runReplicationOf, scenarioFromText } from "./model-adapter.ts";

// A worker runs several replications of the same scenario; loading and resolving it once is enough.
const cache = new Map<string, Promise<Scenario>>();

function cacheKey(job: ReplicationJob): string {
  return JSON.stringify([job.scenarioText, job.overrides]);
}

/** Runs one job to its Results: the same job gives the same Results in any process. */
export async function runReplicationJob(job: ReplicationJob, onProgress?: ModelProgress): Promise<Results> {
  const key = cacheKey(job);
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
