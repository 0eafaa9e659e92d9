/**
 * The Markdown table of every parameter (unit, latest value, provenance) that docs/parameters.md carries
 * between its markers; `npm run params:table` writes it and a test checks the committed one is current.
 */
import { PARAMETER_PATHS } from "./catalog.ts";
import type { TreeParameter } from "./index.ts";

export const TABLE_START = "<!-- parameters-table:start -->";
export const TABLE_END = "<!-- parameters-table:end -->";

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

export function parametersTable(parameters: ReadonlyMap<string, TreeParameter>): string {
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

/** `doc` with the text between the table markers replaced by `table`; throws when the markers are missing. */
export function withParametersTable(doc: string, table: string, docName = "docs/parameters.md"): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(
      `${docName}: markers ${TABLE_START} and ${TABLE_END} not found; add them around the table`,
    );
  }
  return `${doc.slice(0, start + TABLE_START.length)}\n${table}\n${doc.slice(end)}`;
}
