import { describe, expect, it } from "vitest";
import type { ReplicationJob } from "../../src/run/job.ts";
import { progressBuffer, runOnPool } from "../../src/run/pool.ts";
import type { ReplicationRecord } from "../../src/store/records.ts";

const FAKE = new URL("./fake-worker.ts", import.meta.url);

function jobs(count: number, behaviour: string, seed = 3): ReplicationJob[] {
  return Array.from({ length: count }, (_, replication) => ({
    scenarioFile: `fake:${behaviour}`,
    scenarioText: "",
    overrides: { seed },
    replication,
    sampleUncertainty: true,
    dailyChecks: false,
  }));
}

async function collect(count: number, behaviour: string, workers: number, stopAfterFirst?: AbortController) {
  const signal = stopAfterFirst?.signal;
  const records: ReplicationRecord[] = [];
  let active = 0;
  let maxActive = 0;
  const outcome = await runOnPool(jobs(count, behaviour), progressBuffer(count), {
    workers,
    workerModule: FAKE,
    ...(signal ? { signal } : {}),
    onResult: async (record) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      records.push(record);
      active--;
      stopAfterFirst?.abort();
    },
  });
  return { outcome, records, maxActive };
}

describe("worker pool", () => {
  it("runs every replication once and hands results over one at a time", async () => {
    const { outcome, records, maxActive } = await collect(5, "ms=20", 2);
    expect(outcome.completed).toEqual([0, 1, 2, 3, 4]);
    expect(outcome.aborted).toBe(false);
    expect(outcome.error).toBeUndefined();
    expect(records.map((r) => r.replication).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(maxActive).toBe(1);
  });

  it("stops on abort and reports only the replications that finished", async () => {
    const controller = new AbortController();
    const { outcome, records } = await collect(6, "ms=300", 2, controller);
    expect(outcome.aborted).toBe(true);
    expect(outcome.completed.length).toBeGreaterThanOrEqual(1);
    expect(outcome.completed.length).toBeLessThan(6);
    expect(records.map((r) => r.replication).sort()).toEqual(outcome.completed);
  });

  it("stops the others and reports the error when a replication fails", async () => {
    const { outcome } = await collect(4, "ms=50;fail=1", 1);
    expect(outcome.error?.message).toContain("replication 1 failed");
    expect(outcome.completed).toContain(0);
    expect(outcome.completed).not.toContain(1);
  });
});
