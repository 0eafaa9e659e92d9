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
import { TABLE_END as END, parametersTable, TABLE_START as START } from "../src/params/parameters-table.ts";

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
  const doc = readFileSync(docFile, "utf8");
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) {
    process.stderr.write(
      `docs/parameters.md: markers ${START} and ${END} not found; add them around the table\n`,
    );
    process.exitCode = 2;
    return;
  }
  writeFileSync(docFile, `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`);
  process.stderr.write(`docs/parameters.md: table of ${tree.parameters.size} parameters written\n`);
}

main();
