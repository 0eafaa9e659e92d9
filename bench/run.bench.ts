/**
 * Parallel speed-up of `immsim run`: the default scenario as it stands (its own scale and replications)
 * with one worker, then with two. Prints one line per configuration and, last, the figures as one JSON line.
 * Options: --scale F, --replications R, --horizon-days D, --workers W (the parallel run; default 2).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseRunFlags } from "../src/run/cli-options.ts";
import { DEFAULT_SCENARIO, defaultScenarioPath } from "../src/run/defaults.ts";
import { executeRun, prepareRun } from "../src/run/execute.ts";

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

async function timed(workers: number): Promise<number> {
  const run = await executeRun(prepared, {
    dbFile: join(dir, `w${workers}.duckdb`),
    workers,
    progress: false,
  });
  if (run.error) throw run.error;
  return run.wallSeconds;
}

try {
  const replications = prepared.scenario.replications;
  const one = await timed(1);
  process.stdout.write(
    `${DEFAULT_SCENARIO} scale ${prepared.scenario.scale}: ${replications} replications, 1 worker: ${one.toFixed(2)} s\n`,
  );
  const many = await timed(flags.workers);
  process.stdout.write(`${replications} replications, ${flags.workers} workers: ${many.toFixed(2)} s\n`);
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
