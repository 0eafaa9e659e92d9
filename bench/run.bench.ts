/**
 * Parallel speed-up of `immsim run`: the default scenario as it stands (its own scale and replications)
 * with one worker, then with two, alternating for a few rounds; each configuration's fastest round counts,
 * since other processes on a shared machine only ever add time. Prints one line per round and, last, the
 * figures as one JSON line.
 * Options: --scale F, --replications R, --horizon-days D, --workers W (default 2), --rounds N (default 2).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseRunFlags } from "../src/run/cli-options.ts";
import { DEFAULT_SCENARIO, defaultScenarioPath } from "../src/run/defaults.ts";
import { executeRun, prepareRun } from "../src/run/execute.ts";
import { controlSeconds } from "./cpu-control.mjs";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    replications: { type: "string" },
    "horizon-days": { type: "string" },
    workers: { type: "string", default: "2" },
    rounds: { type: "string", default: "2" },
  },
});

const flags = parseRunFlags({
  ...(values.scale ? { scale: values.scale } : {}),
  ...(values.replications ? { replications: values.replications } : {}),
  ...(values["horizon-days"] ? { horizonDays: values["horizon-days"] } : {}),
  workers: values.workers,
});
const prepared = await prepareRun(defaultScenarioPath(), flags.overrides);
const dir = mkdtempSync(join(tmpdir(), "immsim-bench-"));

/** Wall seconds of one run, the CPU seconds of every thread of this process while it ran, model times. */
async function timed(workers: number): Promise<{ wall: number; cpu: number; model: string }> {
  const before = process.cpuUsage();
  const run = await executeRun(prepared, {
    dbFile: join(dir, `w${workers}.duckdb`),
    workers,
    progress: false,
  });
  if (run.error) throw run.error;
  const used = process.cpuUsage(before);
  // Model seconds per replication, fastest to slowest: each thread's first replications run before the
  // JIT has optimised the model, so they are slower than the rest.
  const seconds = run.records.map((r) => r.timing.wallSeconds).sort((a, b) => a - b);
  const model = `model per replication ${seconds[0]!.toFixed(2)}–${seconds.at(-1)!.toFixed(2)} s`;
  return { wall: run.wallSeconds, cpu: (used.user + used.system) / 1e6, model };
}

// Other processes take cores from the parallel run; the load average says how busy the machine was.
const load = () => loadavg()[0]!.toFixed(1);

try {
  const replications = prepared.scenario.replications;
  const rounds = Math.max(1, Number(values.rounds) || 1);
  let one = Number.POSITIVE_INFINITY;
  let many = Number.POSITIVE_INFINITY;
  for (let round = 1; round <= rounds; round++) {
    for (const workers of [1, flags.workers]) {
      const t = await timed(workers);
      if (workers === 1) one = Math.min(one, t.wall);
      else many = Math.min(many, t.wall);
      process.stdout.write(
        `round ${round}, ${DEFAULT_SCENARIO} scale ${prepared.scenario.scale}, ${replications} replications, ` +
          `${workers} worker${workers === 1 ? "" : "s"}: ${t.wall.toFixed(2)} s ` +
          `(CPU ${t.cpu.toFixed(1)} s, ${t.model}, load average ${load()})\n`,
      );
    }
  }
  const controlOne = await controlSeconds(1, 4, 1e8);
  const controlMany = await controlSeconds(flags.workers, 4, 1e8);
  process.stdout.write(
    `control, a pure-CPU loop: ${flags.workers} threads ${(controlOne / controlMany).toFixed(2)}x one thread right now ` +
      "(below 2x means other processes hold the cores)\n",
  );
  process.stdout.write(
    `${JSON.stringify({
      replications,
      workers: flags.workers,
      wallSeconds: Number(many.toFixed(3)),
      speedupVsOneWorker: Number((one / many).toFixed(3)),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
