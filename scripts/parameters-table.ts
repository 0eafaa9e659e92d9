/**
 * Prints the table of every parameter (unit, latest value, provenance) as Markdown, or with `--write`
 * replaces the table between the markers in docs/parameters.md, so the guide never drifts from the tree.
 *
 *   node --import tsx scripts/parameters-table.ts [--write] [--dir parameters]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PARAMETER_PATHS } from "../src/params/catalog.ts";
import { formatIssues, readParameterTree, type TreeParameter } from "../src/params/index.ts";

const START = "<!-- parameters-table:start -->";
const END = "<!-- parameters-table:end -->";

const number = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 4 });

function formatValue(value: TreeParameter["values"][number]["value"]): string {
  if (typeof value === "number") return number(value);
  return Object.entries(value)
    .map(([key, v]) => `${key} ${number(v)}`)
    .join(", ");
}

/** "sourced", "assumption", or for the whole history how many dated values rest on assumptions. */
function provenanceOf(p: TreeParameter): string {
  const latest = p.values[p.values.length - 1]!;
  const assumed = p.values.filter((v) => v.provenance.assumption).length;
  const now = latest.provenance.assumption ? "assumption" : "sourced";
  if (assumed === 0 || assumed === p.values.length) return now;
  return `${now} (${assumed} of ${p.values.length} dates assumed)`;
}

function parametersTable(parameters: ReadonlyMap<string, TreeParameter>): string {
  const rows = PARAMETER_PATHS.map((path) => {
    const p = parameters.get(path);
    if (!p) return `| \`${path}\` | | *missing* | | |`;
    const latest = p.values[p.values.length - 1]!;
    const cell = (text: string) => text.replaceAll("|", "\\|");
    return `| \`${path}\` | ${cell(p.unit)} | ${cell(formatValue(latest.value))} | ${latest.date} | ${provenanceOf(p)} |`;
  });
  return ["| parameter | unit | latest value | since | provenance |", "|---|---|---|---|---|", ...rows].join(
    "\n",
  );
}

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
