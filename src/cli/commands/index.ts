import type { CommandModule } from "../program.ts";

/** Every subcommand of `immsim`, in the order `--help` lists them. */
export const commands: readonly CommandModule[] = [];
