import { setMaxListeners } from "node:events";
import { Piscina } from "piscina";
import type { ReplicationRecord } from "../store/records.ts";
import { PROGRESS_SLOTS, type ReplicationJob } from "./job.ts";
import type { PortableScenario } from "./portable-scenario.ts";
import type { WorkerTask } from "./worker.ts";

const BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);
export const MODEL_WORKER = new URL("./worker.ts", import.meta.url);

/** What every pool thread gets when it starts. */
export interface PoolWorkerData {
  readonly moduleUrl: string;
  /** The resolved scenario of the jobs, keyed as replicate.ts keys them; absent, workers load it. */
  readonly preloaded?: { readonly key: string; readonly scenario: PortableScenario };
}

export interface PoolRun {
  readonly workers: number;
  readonly preloaded?: PoolWorkerData["preloaded"];
  /** The module a pool thread runs (default export `(WorkerTask) => ReplicationRecord`); tests swap it. */
  readonly workerModule?: URL;
  readonly signal?: AbortSignal;
  /** Called once per finished replication, one at a time, in the order they finish. */
  readonly onResult: (record: ReplicationRecord) => Promise<void>;
}

export interface PoolOutcome {
  readonly completed: readonly number[];
  readonly aborted: boolean;
  /** The first replication failure, if any; the others are then stopped. */
  readonly error?: Error;
}

/** Shared progress cells: per replication, simulated day, horizon and events so far. */
export function progressBuffer(replications: number): SharedArrayBuffer {
  return new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * PROGRESS_SLOTS * Math.max(1, replications));
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === "AbortError" || /aborted/i.test(err.message));
}

/**
 * Runs the jobs on a pool of worker threads. Replications are independent (each derives its own random
 * streams from the seed and its index), so the numbers do not depend on how many threads run them or in
 * which order they finish.
 */
export async function runOnPool(
  jobs: readonly ReplicationJob[],
  progress: SharedArrayBuffer,
  run: PoolRun,
): Promise<PoolOutcome> {
  const pool = new Piscina({
    filename: BOOTSTRAP.href,
    workerData: {
      moduleUrl: (run.workerModule ?? MODEL_WORKER).href,
      ...(run.preloaded ? { preloaded: run.preloaded } : {}),
    } satisfies PoolWorkerData,
    minThreads: run.workers,
    maxThreads: run.workers,
    // Each replication is a long task; queueing them all up front keeps every thread busy.
    concurrentTasksPerWorker: 1,
    idleTimeout: 1_000,
  });
  const stop = new AbortController();
  // Every queued task listens on this one signal.
  setMaxListeners(jobs.length + 10, stop.signal);
  const onOuterAbort = () => stop.abort();
  run.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (run.signal?.aborted) stop.abort();

  const completed: number[] = [];
  let error: Error | undefined;
  // Results are written one at a time so that store transactions never interleave.
  let writes: Promise<void> = Promise.resolve();

  const tasks = jobs.map(async (job) => {
    const task: WorkerTask = { job, progress };
    try {
      const record = (await pool.run(task, { signal: stop.signal })) as ReplicationRecord;
      writes = writes.then(async () => {
        if (error) return;
        await run.onResult(record);
        completed.push(job.replication);
      });
      await writes;
    } catch (err) {
      if (stop.signal.aborted && isAbort(err)) return;
      if (!error) error = err instanceof Error ? err : new Error(String(err));
      stop.abort();
    }
  });
  await Promise.allSettled(tasks);
  await writes.catch(() => {});
  run.signal?.removeEventListener("abort", onOuterAbort);
  await pool.destroy();
  return {
    completed: [...completed].sort((a, b) => a - b),
    aborted: run.signal?.aborted === true,
    ...(error ? { error } : {}),
  };
}
