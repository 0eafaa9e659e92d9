import type { Command } from "commander";
import type { RawRunFlags } from "../../run/cli-options.ts";
import { DEFAULT_REPORT_DIR, DEFAULT_SCENARIO, defaultScenarioPath } from "../../run/defaults.ts";
import type { PreparedRun } from "../../run/execute.ts";
import { DEFAULT_DB_FILE } from "../../store/defaults.ts";
import { EXIT_BAD_INPUT, EXIT_FAILURE, ExitError } from "../program.ts";

// Heavy modules (the loader, DuckDB, the pool, Plot) are imported inside the actions, so that every other
// `immsim` command starts without loading them.

interface RunCommandFlags extends RawRunFlags {
  readonly out: string;
  readonly db: string;
  readonly json?: boolean;
  readonly progress: boolean;
  readonly uncertainty: boolean;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Loads the scenario or ends with exit code 2 and the loader's message (file, field, fix). */
export async function prepareOrExit(
  file: string,
  raw: RawRunFlags,
): Promise<{ prepared: PreparedRun; workers: number }> {
  const { parseRunFlags } = await import("../../run/cli-options.ts");
  const { prepareRun } = await import("../../run/execute.ts");
  let flags: ReturnType<typeof parseRunFlags>;
  try {
    flags = parseRunFlags(raw);
  } catch (err) {
    throw new ExitError(EXIT_BAD_INPUT, `immsim: ${message(err)}`);
  }
  try {
    return { prepared: await prepareRun(file, flags.overrides), workers: flags.workers };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ExitError(EXIT_BAD_INPUT, `immsim: ${file}: no such scenario file`);
    throw new ExitError(EXIT_BAD_INPUT, message(err));
  }
}

/** Ctrl-C aborts the run once; the finished replications stay in the store. */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write(
      "\nimmsim: stopping; finished replications are kept (Ctrl-C again to quit at once)\n",
    );
    controller.abort();
    process.off("SIGINT", onSigint);
  };
  process.on("SIGINT", onSigint);
  return { signal: controller.signal, dispose: () => process.off("SIGINT", onSigint) };
}

async function runAction(file: string | undefined, flags: RunCommandFlags): Promise<void> {
  // The JSON document's wall time covers the whole command: loading the scenario, the pool and the store.
  const started = performance.now();
  const { prepared, workers } = await prepareOrExit(file ?? defaultScenarioPath(), flags);
  const { executeRun } = await import("../../run/execute.ts");
  const { aggregate } = await import("../../run/aggregate.ts");
  const { writeHtmlReport } = await import("../../report/write-report.ts");
  const interrupt = interruptSignal();
  const run = await executeRun(prepared, {
    dbFile: flags.db,
    workers,
    // Progress goes to stderr, so it never mixes with the JSON document on stdout.
    progress: flags.progress,
    signal: interrupt.signal,
    ...(flags.uncertainty ? {} : { sampleUncertainty: false }),
  }).finally(() => interrupt.dispose());

  const kept = `${run.records.length} of ${run.planned} replications kept in ${flags.db} as run ${run.runId} (incomplete)`;
  if (run.error)
    throw new ExitError(EXIT_FAILURE, `immsim: a replication failed: ${run.error.message}\n${kept}`);
  if (run.aborted) throw new ExitError(EXIT_FAILURE, `immsim: interrupted; ${kept}`);

  const agg = aggregate(run.records);
  const report = writeHtmlReport(flags.out, agg, run.scenario, {
    runId: run.runId,
    status: run.status,
    replicationsPlanned: run.planned,
    codeVersion: run.codeVersion,
    startedAt: run.startedAt,
  });
  if (flags.json) {
    const { runDocument } = await import("../../report/json.ts");
    const doc = runDocument(agg, {
      wallSeconds: (performance.now() - started) / 1000,
      rssBytes: process.resourceUsage().maxRSS * 1024,
    });
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const { terminalSummary } = await import("../../report/summary.ts");
    process.stdout.write(
      terminalSummary(agg, {
        run: { runId: run.runId, status: run.status, replicationsPlanned: run.planned },
        target: run.scenario.target.removals,
      }),
    );
  }
  process.stderr.write(`Stored as run ${run.runId} in ${flags.db}; report: ${report}\n`);
  if (!agg.checks.conservation || !agg.checks.capacity || !agg.checks.costIdentity) {
    throw new ExitError(EXIT_FAILURE, "immsim: model checks failed (see the Checks line)");
  }
}

export function addRunCommand(program: Command): void {
  program
    .command("run")
    .description("run a scenario's replications on a worker pool, store them and write the report")
    .argument("[scenario]", `scenario file (default: immsim's ${DEFAULT_SCENARIO})`)
    .option("--scale <F>", "agents per person (0 < F <= 1); results are reported at full scale")
    .option("--seed <N>", "run seed; each replication derives its own streams from it")
    .option("--replications <R>", "number of Monte Carlo replications")
    .option("--horizon-days <D>", "simulated days")
    .option("--workers <W>", "worker threads (default: one per core)")
    .option("--out <DIR>", "folder for the HTML report", DEFAULT_REPORT_DIR)
    .option("--db <FILE>", "run store (DuckDB file)", DEFAULT_DB_FILE)
    .option("--json", "print the result document (design.md section 7) on stdout")
    .option("--no-progress", "no progress bar on stderr")
    .option("--no-uncertainty", "keep uncertain parameters at their central values")
    .action(runAction);
}
