/**
 * Parallel speed-up of `immsim run`: the default scenario as it stands (its own scale and replications)
 * with one worker, then with two. Prints one line per configuration and, last, the figures as one JSON line.
 * Options: --scale F, --replications R, --horizon-days D, --workers W (the parallel run; default 2).
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
  const one = await timed(1);
  process.stdout.write(
    `${DEFAULT_SCENARIO} scale ${prepared.scenario.scale}: ${replications} replications, 1 worker: ` +
      `${one.wall.toFixed(2)} s (CPU ${one.cpu.toFixed(1)} s, ${one.model}, load average ${load()})\n`,
  );
  const many = await timed(flags.workers);
  process.stdout.write(
    `${replications} replications, ${flags.workers} workers: ${many.wall.toFixed(2)} s ` +
      `(CPU ${many.cpu.toFixed(1)} s, ${many.model}, load average ${load()})\n`,
  );
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
      wallSeconds: Number(many.wall.toFixed(3)),
      speedupVsOneWorker: Number((one.wall / many.wall).toFixed(3)),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
