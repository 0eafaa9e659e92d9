import { workerData } from "node:worker_threads";
import type { ReplicationRecord } from "../store/records.ts";
import { toReplicationRecord } from "../store/records.ts";
import { PROGRESS_SLOTS, type ReplicationJob } from "./job.ts";
import type { PoolWorkerData } from "./pool.ts";
import { fromPortable } from "./portable-scenario.ts";
import { primeScenario, runReplicationJob } from "./replicate.ts";

const preloaded = (workerData as PoolWorkerData | null)?.preloaded;
if (preloaded) primeScenario(preloaded.key, fromPortable(preloaded.scenario));

export interface WorkerTask {
  readonly job: ReplicationJob;
  /** Shared with the main thread, which reads it to draw the progress bar. */
  readonly progress: SharedArrayBuffer;
}

/**
 * Runs one replication in a pool thread. The daily arrays stay here: the store and reports use the month
 * and fiscal-year rows, and not copying the arrays back keeps the message small.
 */
export default async function runTask(task: WorkerTask): Promise<ReplicationRecord> {
  const cells = new Float64Array(task.progress);
  const at = task.job.replication * PROGRESS_SLOTS;
  const results = await runReplicationJob(task.job, (day, horizonDays, events) => {
    cells[at] = day;
    cells[at + 1] = horizonDays;
    cells[at + 2] = events;
  });
  cells[at] = results.horizonDays;
  cells[at + 1] = results.horizonDays;
  cells[at + 2] = results.timing.events;
  return toReplicationRecord(results);
}
