import type { Command } from "commander";
import { DEFAULT_DB_FILE } from "../../store/defaults.ts";

function seconds(from: string, to: string | null): string {
  if (!to) return "";
  const s = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(s) ? `${s.toFixed(1)} s` : "";
}

async function runsAction(flags: { db: string; json?: boolean }): Promise<void> {
  const { RunStore } = await import("../../store/run-store.ts");
  const store = await RunStore.open(flags.db);
  try {
    const runs = await store.listRuns();
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
      return;
    }
    if (runs.length === 0) {
      process.stdout.write(`No runs in ${flags.db} yet (start one with \`immsim run <scenario.yaml>\`).\n`);
      return;
    }
    const header = ["run", "scenario", "status", "replications", "seed", "scale", "started (UTC)", "took"];
    const rows = runs.map((r) => [
      String(r.runId),
      r.scenario,
      r.status,
      `${r.replicationsStored}/${r.replicationsPlanned}`,
      String(r.seed),
      String(r.scale),
      r.startedAt.slice(0, 19).replace("T", " "),
      seconds(r.startedAt, r.endedAt),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd();
    process.stdout.write(`${[line(header), ...rows.map(line)].join("\n")}\n`);
  } finally {
    store.close();
  }
}

export function addRunsCommand(program: Command): void {
  program
    .command("runs")
    .description("list the runs in the run store")
    .option("--db <FILE>", "run store (DuckDB file)", DEFAULT_DB_FILE)
    .option("--json", "print the list as JSON on stdout")
    .action(runsAction);
}
