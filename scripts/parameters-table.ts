/**
 * Prints the table of every parameter (unit, latest value, provenance) as Markdown, or with `--write`
 * replaces the table between the markers in docs/parameters.md, so the guide never drifts from the tree.
 *
 *   node --import tsx scripts/parameters-table.ts [--write] [--dir parameters]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatIssues, readParameterTree } from "../src/params/index.ts";
import { parametersTable, withParametersTable } from "../src/params/parameters-table.ts";

function main(): void {
  const { values: flags } = parseArgs({
    options: { write: { type: "boolean", default: false }, dir: { type: "string" } },
  });
  const root = new URL("..", import.meta.url).pathname;
  const { tree, issues } = readParameterTree(flags.dir ?? join(root, "parameters"));
  if (issues.some((i) => i.severity === "error")) {
    process.stderr.write(`${formatIssues(issues)}\n`);
    process.exitCode = 2;
    return;
  }
  const table = parametersTable(tree.parameters);
  if (!flags.write) {
    process.stdout.write(`${table}\n`);
    return;
  }
  const docFile = join(root, "docs", "parameters.md");
  try {
    writeFileSync(docFile, withParametersTable(readFileSync(docFile, "utf8"), table));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`docs/parameters.md: table of ${tree.parameters.size} parameters written\n`);
}

main();
