import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { aggregate } from "../../src/run/aggregate.ts";
import { executeRun, prepareRun } from "../../src/run/execute.ts";
import { RunStore } from "../../src/store/run-store.ts";
import { STORE_TABLES, TABLE_ORDER, TIMING_COLUMNS } from "../../src/store/schema.ts";

// The real model at a tiny scale and a one-year horizon: seconds per replication.
const SCENARIO = "scenarios/example.yaml";
const TINY = ["--scale", "0.0005", "--horizon-days", "365"];
const bin = new URL("../../bin/immsim.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "immsim-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a run of six replications on one worker and sends `signal` once the first is stored. */
async function signalAfterFirstReplication(db: string, signal: NodeJS.Signals) {
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, "run", SCENARIO, ...TINY, "--replications", "6", "--workers", "1", "--db", db, "--out", dir],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      // Signal once the first replication is stored and the next is under way.
      if (/replication \d+ stored/.test(stderr) && !child.killed) {
        child.kill(signal);
        resolve();
      }
    });
    child.on("exit", () => reject(new Error(`run ended before the ${signal}:\n${stderr}`)));
  });
  const code = await exited;
  return { code, stderr };
}

describe("immsim run, end to end", () => {
  it("runs the real model, prints the JSON document, writes the report and stores the run", () => {
    const db = join(dir, "e2e.duckdb");
    const out = join(dir, "report");
    const res = spawnSync(
      bin,
      ["run", SCENARIO, ...TINY, "--replications", "2", "--workers", "2", "--db", db, "--out", out, "--json"],
      { encoding: "utf8" },
    );
    expect(res.status, res.stderr).toBe(0);
    const doc = JSON.parse(res.stdout) as Record<string, unknown> & {
      kpis: Record<string, unknown>;
      intervals: Record<string, [number, number]>;
      timing: Record<string, number>;
    };
    expect(Object.keys(doc)).toEqual([
      "scenario",
      "seed",
      "scale",
      "replications",
      "kpis",
      "intervals",
      "checks",
      "timing",
    ]);
    expect(doc.scenario).toBe("example");
    expect(doc.replications).toBe(2);
    expect(doc.scale).toBe(0.0005);
    expect(doc.intervals.removalsTotal![0]).toBeLessThanOrEqual(doc.intervals.removalsTotal![1]);
    expect(doc.timing.events).toBeGreaterThan(0);

    const [report] = readdirSync(out);
    expect(report).toMatch(/^example-run-1\.html$/);
    const html = readFileSync(join(out, report!), "utf8");
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(7);
    expect(html).not.toMatch(/<script/i);

    const runs = spawnSync(bin, ["runs", "--db", db, "--json"], { encoding: "utf8" });
    expect(runs.status, runs.stderr).toBe(0);
    const list = JSON.parse(runs.stdout) as { runId: number; status: string; replicationsStored: number }[];
    expect(list.map((r) => [r.runId, r.status, r.replicationsStored])).toEqual([[1, "complete", 2]]);

    const compare = spawnSync(bin, ["compare", "1", "1", "--db", db], { encoding: "utf8" });
    expect(compare.status, compare.stderr).toBe(0);
    expect(compare.stdout).toMatch(/Removals, total\s+people/);
    expect(compare.stdout).toContain("Δ run 1 example vs run 1 example");

    const csv = spawnSync(bin, ["export", "1", "--format", "csv", "--db", db, "--out", join(dir, "csv")], {
      encoding: "utf8",
    });
    expect(csv.status, csv.stderr).toBe(0);
    const series = readFileSync(join(dir, "csv", "series.csv"), "utf8");
    expect(series.split("\n")[0]).toBe("run_id,replication,period_kind,period,series,value");
    expect(series).toContain("flow.removals");
  });

  it("stores identical results for the same seed with 1, 2 and 4 workers", async () => {
    const prepared = await prepareRun(SCENARIO, {
      scale: 0.0005,
      horizonDays: 365,
      replications: 4,
      seed: 11,
    });
    const db = join(dir, "workers.duckdb");
    const ids: number[] = [];
    for (const workers of [1, 2, 4]) {
      const run = await executeRun(prepared, { dbFile: db, workers, progress: false });
      expect(run.status).toBe("complete");
      ids.push(run.runId);
    }
    const store = await RunStore.open(db);
    try {
      const tables = STORE_TABLES.filter((t) => t !== "runs");
      const snapshot = async (runId: number) => {
        const out: Record<string, unknown[]> = {};
        for (const table of tables) {
          const rows = await store.tableRows(table, runId, TABLE_ORDER[table]);
          out[table] = rows.map((row) => {
            const { run_id: _id, ...rest } = row;
            for (const column of TIMING_COLUMNS) delete rest[column];
            return rest;
          });
        }
        return out;
      };
      const first = await snapshot(ids[0]!);
      expect(first.replications).toHaveLength(4);
      expect(first.series!.length).toBeGreaterThan(0);
      // Different replications must differ, or the identity below would prove nothing.
      const kpis = (first.replications as { kpis_json: string }[]).map((r) => r.kpis_json);
      expect(new Set(kpis).size).toBe(4);
      for (const id of ids.slice(1)) expect(await snapshot(id)).toEqual(first);
    } finally {
      store.close();
    }
  });

  it("leaves a readable store with only whole replications when killed mid-run", async () => {
    const db = join(dir, "killed.duckdb");
    await signalAfterFirstReplication(db, "SIGKILL");
    expect(existsSync(db)).toBe(true);

    const store = await RunStore.open(db);
    try {
      const [run] = await store.listRuns();
      expect(run?.status).toBe("incomplete");
      expect(run!.replicationsStored).toBeGreaterThanOrEqual(1);
      expect(run!.replicationsStored).toBeLessThan(6);
      const orphans = await store.orphanRows(run!.runId);
      expect(Object.keys(orphans)).toHaveLength(5);
      expect(Object.values(orphans).every((n) => n === 0)).toBe(true);
      const stored = await store.loadRun(run!.runId);
      const seriesCounts = new Set(stored.replications.map((r) => r.monthly.length));
      expect(seriesCounts.size).toBe(1);
      expect(stored.replications.every((r) => r.costs.length > 0 && r.monthly.length >= 12)).toBe(true);
      expect(aggregate(stored.replications).replications).toBe(run!.replicationsStored);
    } finally {
      store.close();
    }
  });

  it("stops on Ctrl-C, keeps the finished replications and marks the run incomplete", async () => {
    const db = join(dir, "interrupted.duckdb");
    const { code, stderr } = await signalAfterFirstReplication(db, "SIGINT");
    expect(code).toBe(1);
    expect(stderr).toMatch(/interrupted; \d of 6 replications kept/);
    const store = await RunStore.open(db);
    try {
      const [run] = await store.listRuns();
      expect(run?.status).toBe("incomplete");
      expect(run?.endedAt).not.toBeNull();
      expect(run!.replicationsStored).toBeGreaterThanOrEqual(1);
      expect(Object.values(await store.orphanRows(run!.runId)).every((n) => n === 0)).toBe(true);
    } finally {
      store.close();
    }
  });
});
