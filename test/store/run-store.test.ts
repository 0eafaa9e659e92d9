import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportRun } from "../../src/store/export.ts";
import { type ReplicationRecord, toReplicationRecord } from "../../src/store/records.ts";
import { RunStore } from "../../src/store/run-store.ts";
import { syntheticResults, syntheticScenario } from "./synthetic.ts";

const dir = mkdtempSync(join(tmpdir(), "immsim-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storeWithRun(file: string, replications: number) {
  const store = await RunStore.open(join(dir, file));
  const runId = await store.beginRun({
    scenario: syntheticScenario(),
    replicationsPlanned: replications,
    workers: 1,
    codeVersion: "test",
    startedAt: new Date("2025-01-01T00:00:00Z"),
  });
  const records: ReplicationRecord[] = [];
  for (let i = 0; i < replications; i++) {
    const record = toReplicationRecord(syntheticResults(7, i));
    await store.writeReplication(runId, record);
    records.push(record);
  }
  return { store, runId, records };
}

describe("run store", () => {
  it("gives back what it stored, replication by replication", async () => {
    const { store, runId, records } = await storeWithRun("roundtrip.duckdb", 3);
    await store.finishRun(runId, "complete");
    const run = await store.loadRun(runId);
    store.close();
    expect(run.meta.status).toBe("complete");
    expect(run.meta.replicationsStored).toBe(3);
    expect(run.scenario).toEqual(syntheticScenario());
    expect(run.replications).toHaveLength(3);
    for (const [i, stored] of run.replications.entries()) {
      const original = records[i]!;
      expect(stored.kpis).toEqual(original.kpis);
      expect(stored.checks).toEqual(original.checks);
      expect(stored.costs).toEqual(original.costs);
      expect(stored.budget).toEqual(original.budget);
      expect(stored.impacts).toEqual(original.impacts);
      expect(stored.utilisation).toEqual(original.utilisation);
      // Series keys come back in name order; values must be equal.
      expect(stored.monthly.map((m) => m.period)).toEqual(original.monthly.map((m) => m.period));
      for (const [j, row] of stored.monthly.entries())
        expect(row.values).toEqual(original.monthly[j]!.values);
      expect(stored.fiscalYears).toEqual(original.fiscalYears);
    }
  });

  it("keeps a run incomplete until it is finished, and lists it", async () => {
    const { store, runId } = await storeWithRun("incomplete.duckdb", 2);
    const runs = await store.listRuns();
    store.close();
    expect(runs.map((r) => [r.runId, r.status, r.replicationsStored, r.replicationsPlanned])).toEqual([
      [runId, "incomplete", 2, 2],
    ]);
  });

  it("shows nothing of a replication whose write fails half-way", async () => {
    const { store, runId } = await storeWithRun("atomic.duckdb", 1);
    const good = toReplicationRecord(syntheticResults(7, 1));
    // Series rows are appended before impacts; failing on impacts leaves series rows in the open transaction.
    const broken = Object.defineProperty({ ...good }, "impacts", {
      get() {
        throw new Error("disk full (simulated)");
      },
    }) as ReplicationRecord;
    await expect(store.writeReplication(runId, broken)).rejects.toThrow("disk full");
    const leftovers = await store.tableRows("series", runId, "replication");
    expect(new Set(leftovers.map((r) => Number(r.replication)))).toEqual(new Set([0]));
    // The store still accepts the replication once it can be written whole.
    await store.writeReplication(runId, good);
    const run = await store.loadRun(runId);
    store.close();
    expect(run.replications.map((r) => r.replication)).toEqual([0, 1]);
  });

  it("exports a run's tables as parquet, csv and xlsx", async () => {
    const { store, runId } = await storeWithRun("export.duckdb", 2);
    const parquet = await exportRun(store, runId, "parquet", join(dir, "pq"));
    const csv = await exportRun(store, runId, "csv", join(dir, "csv"));
    const xlsx = await exportRun(store, runId, "xlsx", join(dir, "out.xlsx"));
    store.close();
    expect(readdirSync(join(dir, "pq")).sort()).toEqual(
      ["budget", "costs", "impacts", "replications", "runs", "series", "utilisation"].map(
        (t) => `${t}.parquet`,
      ),
    );
    expect(csv).toHaveLength(7);
    for (const f of [...parquet, ...csv, ...xlsx]) expect(statSync(f).size).toBeGreaterThan(0);
    const check = await RunStore.open(join(dir, "check.duckdb"));
    await check.execute(
      `CREATE TABLE s AS SELECT * FROM read_parquet('${join(dir, "pq", "series.parquet")}')`,
    );
    const rows = await check.tableRows("s", runId, "replication");
    check.close();
    // 6 months × 6 series + 1 fiscal year × 1 series, for each of 2 replications.
    expect(rows).toHaveLength(2 * (6 * 6 + 1));
  });
});
