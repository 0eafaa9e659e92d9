import type { Command } from "commander";
import { PARAMETER_PATHS } from "../../params/catalog.ts";
import { readParameterTree } from "../../params/index.ts";
import { parameterRows, parameterTable } from "../../params/listing.ts";
import { didYouMean } from "../../params/suggest.ts";
import { parseIsoDay } from "../../util/dates.ts";
import { EXIT_BAD_INPUT, ExitError } from "../program.ts";

interface ParamsFlags {
  readonly json?: boolean;
  readonly date?: string;
  readonly parameters?: string;
}

/** `immsim params [QUERY]`: parameters with their value at a date, unit and source. */
export function addParamsCommand(program: Command): void {
  program
    .command("params")
    .description(
      "list parameters with their values, units and sources (QUERY: part of a path or description)",
    )
    .argument("[query]", "show only parameters whose path or description contains this text")
    .option("--json", "print one JSON document")
    .option("--date <YYYY-MM-DD>", "show the value in force on this date (default: the latest)")
    .option("--parameters <dir>", "parameter tree to read (default: the package's parameters/)")
    .action((query: string | undefined, flags: ParamsFlags) => {
      if (flags.date !== undefined && parseIsoDay(flags.date) === null) {
        throw new ExitError(
          EXIT_BAD_INPUT,
          `immsim params: --date: expected YYYY-MM-DD, got "${flags.date}"`,
        );
      }
      const { tree, issues } = readParameterTree(flags.parameters);
      const rows = parameterRows(tree, query, flags.date);
      if (flags.json) {
        const doc = { date: flags.date ?? null, query: query ?? null, parameters: rows };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      } else if (rows.length > 0) {
        process.stdout.write(`${parameterTable(rows, process.stdout.columns ?? 110)}\n`);
      }
      if (rows.length === 0 && query !== undefined) {
        const hint = didYouMean(query, PARAMETER_PATHS);
        process.stderr.write(`immsim params: no parameter matches "${query}"${hint ? `; ${hint}` : ""}\n`);
      }
      const errors = issues.filter((i) => i.severity === "error").length;
      if (errors > 0) {
        throw new ExitError(
          EXIT_BAD_INPUT,
          `immsim params: the parameter tree has ${errors} error${errors === 1 ? "" : "s"}; ` +
            `run: immsim validate ${flags.parameters ?? "parameters"}`,
        );
      }
    });
}
