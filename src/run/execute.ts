import { resolve } from "node:path";
import type { Scenario } from "../params/types.ts";
import type { ReplicationRecord, RunStatus, ScenarioRecord } from "../store/records.ts";
import { toScenarioRecord } from "../store/records.ts";
import { RunStore } from "../store/run-store.ts";
import { codeVersion } from "./code-version.ts";
import type { ReplicationJob, ScenarioOverrides } from "./job.ts";
import { loadScenario } from "./model-adapter.ts";
import { progressBuffer, runOnPool } from "./pool.ts";
import { toPortable } from "./portable-scenario.ts";
import { startProgress } from "./progress.ts";
import { scenarioKey } from "./replicate.ts";

export interface PreparedRun {
  readonly file: string;
  readonly text: string;
  readonly overrides: ScenarioOverrides;
  readonly scenario: Scenario;
}

/** Reads and resolves the scenario in the main thread, so that bad input fails before any work starts. */
export async function prepareRun(file: string, overrides: ScenarioOverrides): Promise<PreparedRun> {
  const path = resolve(file);
  const scenario = await loadScenario(path, overrides);
  // The text the loader read is the text every replication runs, whatever happens to the file later.
  return { file: path, text: scenario.sourceText, overrides, scenario };
}

export interface ExecuteOptions {
  readonly dbFile: string;
  readonly workers: number;
  readonly progress: boolean;
  readonly signal?: AbortSignal;
  /** Draw uncertain parameters per replication; default: when there is more than one replication. */
  readonly sampleUncertainty?: boolean;
  readonly dailyChecks?: boolean;
  /** The module pool threads run; tests swap in a stand-in. */
  readonly workerModule?: URL;
}

export interface ExecutedRun {
  readonly runId: number;
  readonly status: RunStatus;
  readonly scenario: ScenarioRecord;
  readonly records: readonly ReplicationRecord[];
  readonly planned: number;
  readonly startedAt: string;
  readonly codeVersion: string;
  readonly wallSeconds: number;
  readonly aborted: boolean;
  readonly error?: Error;
}

export function jobsFor(
  prepared: PreparedRun,
  options: Pick<ExecuteOptions, "sampleUncertainty" | "dailyChecks">,
) {
  const jobs: ReplicationJob[] = [];
  for (let i = 0; i < prepared.scenario.replications; i++) {
    jobs.push({
      scenarioFile: prepared.file,
      scenarioText: prepared.text,
      overrides: prepared.overrides,
      replication: i,
      // As the model's own default: a single replication runs the central values.
      sampleUncertainty: options.sampleUncertainty ?? prepared.scenario.replications > 1,
      dailyChecks: options.dailyChecks ?? true,
    });
  }
  return jobs;
}

/**
 * Runs every replication of a prepared scenario on the pool and stores each as it finishes. The run is
 * `complete` only if all replications are stored; after a stop or a failure it stays `incomplete` with
 * the finished replications kept.
 */
export async function executeRun(prepared: PreparedRun, options: ExecuteOptions): Promise<ExecutedRun> {
  const started = performance.now();
  const scenario = toScenarioRecord(prepared.scenario);
  const jobs = jobsFor(prepared, options);
  const store = await RunStore.open(options.dbFile);
  try {
    const startedAt = new Date();
    const version = codeVersion();
    const runId = await store.beginRun({
      scenario,
      replicationsPlanned: jobs.length,
      workers: options.workers,
      codeVersion: version,
      startedAt,
    });
    const cells = progressBuffer(jobs.length);
    const progress = startProgress(cells, jobs.length, prepared.scenario.horizonDays, options.progress);
    const records: ReplicationRecord[] = [];
    const outcome = await runOnPool(jobs, cells, {
      workers: Math.max(1, Math.min(options.workers, jobs.length)),
      preloaded: {
        key: scenarioKey({ scenarioText: prepared.text, overrides: prepared.overrides }),
        scenario: toPortable(prepared.scenario),
      },
      ...(options.workerModule ? { workerModule: options.workerModule } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onResult: async (record) => {
        await store.writeReplication(runId, record);
        records.push(record);
        progress.replicationDone(record.replication);
      },
    }).finally(() => progress.stop());
    const status: RunStatus =
      outcome.completed.length === jobs.length && !outcome.error ? "complete" : "incomplete";
    await store.finishRun(runId, status);
    records.sort((a, b) => a.replication - b.replication);
    return {
      runId,
      status,
      scenario,
      records,
      planned: jobs.length,
      startedAt: startedAt.toISOString(),
      codeVersion: version,
      wallSeconds: (performance.now() - started) / 1000,
      aborted: outcome.aborted,
      ...(outcome.error ? { error: outcome.error } : {}),
    };
  } finally {
    store.close();
  }
}
