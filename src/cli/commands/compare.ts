import type { Command } from "commander";
import type { ComparedRun } from "../../report/compare.ts";
import type { RunAggregate } from "../../run/aggregate.ts";
import type { RawRunFlags } from "../../run/cli-options.ts";
import { DEFAULT_DB_FILE } from "../../store/defaults.ts";
import type { ScenarioRecord } from "../../store/records.ts";
import { EXIT_BAD_INPUT, EXIT_FAILURE, ExitError } from "../program.ts";
import { interruptSignal, prepareOrExit } from "./run.ts";

interface CompareFlags extends RawRunFlags {
  readonly db: string;
  readonly json?: boolean;
  readonly progress: boolean;
}

interface Entry {
  readonly label: string;
  readonly runId: number;
  readonly scenario: ScenarioRecord;
  readonly aggregate: RunAggregate;
}

async function storedEntries(db: string, ids: readonly number[]): Promise<Map<number, Entry>> {
  const out = new Map<number, Entry>();
  if (ids.length === 0) return out;
  const { RunStore } = await import("../../store/run-store.ts");
  const { aggregate } = await import("../../run/aggregate.ts");
  const store = await RunStore.open(db);
  try {
    for (const id of ids) {
      if (!(await store.hasRun(id))) {
        throw new ExitError(
          EXIT_BAD_INPUT,
          `immsim: run ${id} is not in ${db} (list runs with \`immsim runs\`)`,
        );
      }
      const run = await store.loadRun(id);
      if (run.replications.length === 0) {
        throw new ExitError(EXIT_BAD_INPUT, `immsim: run ${id} has no finished replication to compare`);
      }
      out.set(id, {
        label: `run ${id}`,
        runId: id,
        scenario: run.scenario,
        aggregate: aggregate(run.replications),
      });
    }
  } finally {
    store.close();
  }
  return out;
}

export function addCompareCommand(program: Command): void {
  program
    .command("compare")
    .description("KPIs and cost lines of runs or scenarios side by side, with differences")
    .argument("<items...>", "run numbers (see `immsim runs`) or scenario files (run now, then stored)")
    .option("--scale <F>", "for scenario files: agents per person")
    .option("--seed <N>", "for scenario files: run seed")
    .option("--replications <R>", "for scenario files: replications")
    .option("--horizon-days <D>", "for scenario files: simulated days")
    .option("--workers <W>", "worker threads (default: one per core)")
    .option("--db <FILE>", "run store (DuckDB file)", DEFAULT_DB_FILE)
    .option("--json", "print the comparison as JSON on stdout")
    .option("--no-progress", "no progress bar on stderr")
    .action(async (items: string[], flags: CompareFlags) => {
      const { aggregate } = await import("../../run/aggregate.ts");
      const { executeRun } = await import("../../run/execute.ts");
      const { compareRuns, compareWithStudy, studyTable } = await import("../../report/compare.ts");
      const ids = items.filter((i) => /^\d+$/.test(i)).map(Number);
      const stored = await storedEntries(flags.db, ids);
      const entries: Entry[] = [];
      for (const item of items) {
        if (/^\d+$/.test(item)) {
          entries.push(stored.get(Number(item))!);
          continue;
        }
        const { prepared, workers } = await prepareOrExit(item, flags);
        const interrupt = interruptSignal();
        const run = await executeRun(prepared, {
          dbFile: flags.db,
          workers,
          progress: flags.progress,
          signal: interrupt.signal,
        }).finally(() => interrupt.dispose());
        if (run.error || run.aborted || run.records.length === 0) {
          throw new ExitError(
            EXIT_FAILURE,
            `immsim: ${item} did not finish: ${run.error?.message ?? "interrupted"}`,
          );
        }
        entries.push({
          label: `run ${run.runId}`,
          runId: run.runId,
          scenario: run.scenario,
          aggregate: aggregate(run.records),
        });
      }
      const compared: ComparedRun[] = entries.map((e) => ({
        label: `${e.label} ${e.scenario.name}`,
        aggregate: e.aggregate,
      }));
      const studies = entries
        .filter((e) => e.scenario.study)
        .map((e) => ({ entry: e, rows: compareWithStudy(e.aggregate, e.scenario.study!) }));
      if (flags.json) {
        const doc = {
          runs: entries.map((e) => ({
            runId: e.runId,
            scenario: e.scenario.name,
            kpis: e.aggregate.kpis,
            intervals: e.aggregate.intervals,
          })),
          studies: studies.map((s) => ({
            runId: s.entry.runId,
            title: s.entry.scenario.study!.title,
            lines: s.rows,
          })),
        };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        return;
      }
      process.stdout.write(compareRuns(compared));
      for (const s of studies) {
        const study = s.entry.scenario.study!;
        process.stdout.write(
          `\n${studyTable(`${s.entry.label} against ${study.title} (${study.href})`, s.rows)}`,
        );
      }
    });
}
