import type { CommandModule } from "../program.ts";
import { addBacktestCommand } from "./backtest.ts";
import { addCompareCommand } from "./compare.ts";
import { addExportCommand } from "./export.ts";
import { addParamsCommand } from "./params.ts";
import { addRunCommand } from "./run.ts";
import { addRunsCommand } from "./runs.ts";
import { addSchemaCommand } from "./schema.ts";
import { addValidateCommand } from "./validate.ts";

/** Every subcommand of `immsim`, in the order `--help` lists them. */
export const commands: readonly CommandModule[] = [
  addRunCommand,
  addRunsCommand,
  addCompareCommand,
  addExportCommand,
  addValidateCommand,
  addSchemaCommand,
  addParamsCommand,
  addBacktestCommand,
];
