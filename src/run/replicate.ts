import type { Results } from "../model/results.ts";
import type { Scenario } from "../params/types.ts";
import type { ReplicationJob } from "./job.ts";
import { loadScenario, type ModelProgress, runReplicationOf } from "./model-adapter.ts";

// A worker runs several replications of the same scenario; loading and resolving it once is enough.
const cache = new Map<string, Promise<Scenario>>();

function cacheKey(job: ReplicationJob): string {
  return JSON.stringify([job.scenarioFile, job.scenarioText, job.overrides]);
}

/** Runs one job to its Results: the same job gives the same Results in any process. */
export async function runReplicationJob(job: ReplicationJob, onProgress?: ModelProgress): Promise<Results> {
  const key = cacheKey(job);
  let scenario = cache.get(key);
  if (!scenario) {
    scenario = loadScenario(job.scenarioFile, job.overrides);
    cache.set(key, scenario);
  }
  const loaded = await scenario;
  if (loaded.sourceText !== job.scenarioText) {
    throw new Error(
      `${job.scenarioFile} changed after the run started; start the run again so that every replication uses the same file`,
    );
  }
  return runReplicationOf(loaded, job.replication, {
    sampleUncertainty: job.sampleUncertainty,
    dailyChecks: job.dailyChecks,
    ...(onProgress ? { onProgress } : {}),
  });
}
