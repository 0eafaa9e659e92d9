/**
 * `immsim backtest [--json]`: simulates FY2015-FY2024 from the dated historical parameters and compares
 * the model with the historical figures in data/actuals/fy2012-fy2024.yaml.
 */
import { isAbsolute, relative } from "node:path";
import type { Command } from "commander";
import { type Actuals, DEFAULT_ACTUALS_FILE, loadActuals } from "../../backtest/actuals.ts";
import { formatReport } from "../../backtest/format.ts";
import { type BacktestDeps, runBacktest } from "../../backtest/run.ts";
import { type BacktestSettings, DEFAULT_SETTINGS } from "../../backtest/settings.ts";
import { EXIT_BAD_INPUT, EXIT_FAILURE, ExitError } from "../program.ts";

interface BacktestFlags {
  readonly json?: boolean;
  readonly scale: string;
  readonly seed: string;
  readonly replications: string;
  readonly actuals: string;
}

function parseNumber(flag: string, text: string, valid: (n: number) => boolean, expected: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || !valid(n)) {
    throw new ExitError(
      EXIT_BAD_INPUT,
      `immsim backtest: --${flag} ${text} is not valid: expected ${expected}`,
    );
  }
  return n;
}

function settingsOf(flags: BacktestFlags): BacktestSettings {
  return {
    scale: parseNumber("scale", flags.scale, (n) => n > 0 && n <= 1, "a number in (0, 1], e.g. 0.02"),
    seed: parseNumber("seed", flags.seed, (n) => Number.isSafeInteger(n) && n >= 0, "a whole number ≥ 0"),
    replications: parseNumber(
      "replications",
      flags.replications,
      (n) => Number.isInteger(n) && n >= 1 && n <= 1000,
      "a whole number from 1 to 1000",
    ),
    years: DEFAULT_SETTINGS.years,
  };
}

/** A path relative to the working directory when it lies below it (stable in pasted output). */
function displayFile(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

function actualsOf(file: string): Actuals {
  try {
    return loadActuals(file);
  } catch (err) {
    throw new ExitError(EXIT_BAD_INPUT, `immsim backtest: ${(err as Error).message}`);
  }
}

/** The command, with the model and loader supplied by `deps` (tests pass synthetic ones). */
export function backtestCommandWith(deps: () => Promise<BacktestDeps>): (program: Command) => void {
  return (program) => {
    program
      .command("backtest")
      .description("historical fiscal years FY2015-FY2024: modelled vs actual, with errors")
      .option("--json", "print one JSON document: { years: [...], mape: {...} }")
      .option("--scale <F>", "agents per person", String(DEFAULT_SETTINGS.scale))
      .option("--seed <N>", "random seed", String(DEFAULT_SETTINGS.seed))
      .option("--replications <R>", "replications averaged", String(DEFAULT_SETTINGS.replications))
      .option("--actuals <file>", "historical figures (YAML)", DEFAULT_ACTUALS_FILE)
      .action(async (flags: BacktestFlags) => {
        const settings = settingsOf(flags);
        const actuals = actualsOf(flags.actuals);
        let model: BacktestDeps;
        try {
          model = await deps();
        } catch (err) {
          // The parameter tree failed to load or validate: bad input, listed by file and field.
          throw new ExitError(EXIT_BAD_INPUT, `immsim backtest: ${(err as Error).message}`);
        }
        let outcome: Awaited<ReturnType<typeof runBacktest>>;
        try {
          outcome = await runBacktest(settings, model, actuals);
        } catch (err) {
          throw new ExitError(EXIT_FAILURE, `immsim backtest: the run failed: ${(err as Error).message}`);
        }
        const { report, run } = outcome;
        const notes: string[] = [];
        for (const [metric, series] of run.missing) {
          notes.push(`not compared: ${metric} (the model records no ${series.join(", ")})`);
        }
        for (const message of run.failedChecks.slice(0, 5)) notes.push(`model check failed: ${message}`);
        if (report.years.length === 0) {
          throw new ExitError(EXIT_FAILURE, `immsim backtest: nothing to compare\n${notes.join("\n")}`);
        }
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          for (const note of notes) process.stderr.write(`${note}\n`);
          return;
        }
        const header = [
          `Backtest FY2015-FY2024: scale ${settings.scale}, seed ${settings.seed}, ` +
            `${settings.replications} replication(s) averaged, ${run.wallSeconds.toFixed(1)} s`,
          `Actuals: ${displayFile(actuals.file)}`,
        ];
        process.stdout.write(formatReport(report, { actuals, header, notes }));
      });
  };
}

/** `immsim backtest` on the real model; the model and parameter tree load only when the command runs. */
export const addBacktestCommand = backtestCommandWith(async () =>
  (await import("../../backtest/model-deps.ts")).modelDeps(),
);
