import { commands } from "./commands/index.ts";
import { buildProgram, runProgram } from "./program.ts";

const program = buildProgram(commands);
process.exitCode = await runProgram(program, process.argv.slice(2));
