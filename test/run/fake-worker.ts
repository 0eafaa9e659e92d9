import { PROGRESS_SLOTS } from "../../src/run/job.ts";
import type { WorkerTask } from "../../src/run/worker.ts";
import { type ReplicationRecord, toReplicationRecord } from "../../src/store/records.ts";
import { syntheticResults } from "../store/synthetic.ts";

/**
 * Stands in for the model in pool tests. The job's scenarioFile carries the behaviour:
 * `fake:ms=<work per replication>;fail=<replication that throws>`.
 */
export default function fakeTask(task: WorkerTask): ReplicationRecord {
  const settings = new URLSearchParams(task.job.scenarioFile.replace(/^fake:/, "").replaceAll(";", "&"));
  const ms = Number(settings.get("ms") ?? "0");
  const fail = settings.get("fail");
  const cells = new Float64Array(task.progress);
  const at = task.job.replication * PROGRESS_SLOTS;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    cells[at] = ms - (until - Date.now());
  }
  if (fail !== null && Number(fail) === task.job.replication) {
    throw new Error(`replication ${task.job.replication} failed (simulated)`);
  }
  return toReplicationRecord(syntheticResults(task.job.overrides.seed ?? 1, task.job.replication));
}
