import type { Command } from "commander";
import { DEFAULT_DB_FILE } from "../../store/defaults.ts";
import { EXPORT_FORMATS as FORMATS } from "../../store/export.ts";
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

async function exportAction(
  runText: string,
  flags: { format: string; out?: string; db: string },
): Promise<void> {
  const runId = parseRunId(runText);
  const format = FORMATS.find((f) => f === flags.format);
  if (!format) {
    throw new ExitError(
      EXIT_BAD_INPUT,
      `immsim: --format must be one of ${FORMATS.join(", ")} (got "${flags.format}")`,
    );
  }
  const { RunStore } = await import("../../store/run-store.ts");
  const { exportRun } = await import("../../store/export.ts");
  const store = await RunStore.open(flags.db);
  try {
    if (!(await store.hasRun(runId))) {
      throw new ExitError(
        EXIT_BAD_INPUT,
        `immsim: run ${runId} is not in ${flags.db} (list runs with \`immsim runs\`)`,
      );
    }
    const files = await exportRun(store, runId, format, flags.out);
    process.stdout.write(`${files.join("\n")}\n`);
  } finally {
    store.close();
  }
}

export function addExportCommand(program: Command): void {
  program
    .command("export")
    .description("write the tables of one run as Parquet, CSV or XLSX")
    .argument("<run>", "run number (see `immsim runs`)")
    .requiredOption("--format <format>", `one of ${FORMATS.join(", ")}`)
    .option("--out <FILE|DIR>", "folder (parquet, csv) or workbook file (xlsx)")
    .option("--db <FILE>", "run store (DuckDB file)", DEFAULT_DB_FILE)
    .action(exportAction);
}
