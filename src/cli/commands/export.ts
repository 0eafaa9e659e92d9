import type { Command } from "commander";
import { EXPORT_FORMATS, type ExportFormat, exportRun } from "../../store/export.ts";
import { DEFAULT_DB_FILE, RunStore } from "../../store/run-store.ts";
import { EXIT_BAD_INPUT, ExitError } from "../program.ts";

export function parseRunId(text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new ExitError(
      EXIT_BAD_INPUT,
      `immsim: "${text}" is not a run number (list runs with \`immsim runs\`)`,
    );
  }
  return Number(text);
}

export function addExportCommand(program: Command): void {
  program
    .command("export")
    .description("write the tables of one run as Parquet, CSV or XLSX")
    .argument("<run>", "run number (see `immsim runs`)")
    .requiredOption("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .option("--out <FILE|DIR>", "folder (parquet, csv) or workbook file (xlsx)")
    .option("--db <FILE>", "run store (DuckDB file)", DEFAULT_DB_FILE)
    .action(async (runText: string, flags: { format: string; out?: string; db: string }) => {
      const runId = parseRunId(runText);
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) {
        throw new ExitError(
          EXIT_BAD_INPUT,
          `immsim: --format must be one of ${EXPORT_FORMATS.join(", ")} (got "${flags.format}")`,
        );
      }
      const store = await RunStore.open(flags.db);
      try {
        if (!(await store.hasRun(runId))) {
          throw new ExitError(
            EXIT_BAD_INPUT,
            `immsim: run ${runId} is not in ${flags.db} (list runs with \`immsim runs\`)`,
          );
        }
        const files = await exportRun(store, runId, flags.format as ExportFormat, flags.out);
        process.stdout.write(`${files.join("\n")}\n`);
      } finally {
        store.close();
      }
    });
}
