import type { Command } from "commander";
import { scenarioJsonSchema } from "../../params/index.ts";

/** `immsim schema`: the JSON Schema of scenario files, for editors (the committed copy is immsim.schema.json). */
export function addSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files")
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
