import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";

/** Exit codes of the command-line contract (design.md section 7). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Thrown by a command to end with a given exit code after it has printed its own message. */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message = "",
  ) {
    super(message);
  }
}

function packageVersion(): string {
  const url = new URL("../../package.json", import.meta.url);
  const pkg = JSON.parse(readFileSync(url, "utf8")) as { version: string };
  return pkg.version;
}

/** A command module adds one subcommand to the program. */
export type CommandModule = (program: Command) => void;

export function buildProgram(commands: readonly CommandModule[]): Command {
  const program = new Command("immsim")
    .description("Simulator of large-scale immigration enforcement and removal in the United States")
    .version(packageVersion(), "-V, --version", "print the version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const add of commands) add(program);
  return program;
}

/** Parses argv and runs; returns the process exit code instead of exiting. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successful exits; every other parse error is bad input.
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return EXIT_OK;
      if (err.code === "commander.help") return EXIT_OK;
      return EXIT_BAD_INPUT;
    }
    if (err instanceof ExitError) {
      if (err.message) process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`immsim: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_FAILURE;
  }
}
