/** Writes immsim.schema.json (the JSON Schema of scenario files) at the package root. */
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/params/index.ts";

const target = new URL("../immsim.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
