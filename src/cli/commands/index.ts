import type { CommandModule } from "../program.ts";
import { addCompareCommand } from "./compare.ts";
import { addExportCommand } from "./export.ts";
import { addRunCommand } from "./run.ts";
import { addRunsCommand } from "./runs.ts";

/** Every subcommand of `immsim`, in the order `--help` lists them. */
export const commands: readonly CommandModule[] = [
  addRunCommand,
  addRunsCommand,
  addCompareCommand,
  addExportCommand,
];
