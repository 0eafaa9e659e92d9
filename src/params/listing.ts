/** Rows for `immsim params`: each parameter's value in force at a date, with its unit and source. */
import { parseIsoDay } from "../util/dates.ts";
import type { DatedEntry } from "./dated-values.ts";
import type { ParameterTree, TreeParameter } from "./parameter-file.ts";
import type { Provenance } from "./types.ts";

export interface ParameterRow {
  readonly path: string;
  readonly description: string;
  readonly unit: string;
  readonly kind: "scalar" | "breakdown";
  /** Date the shown value took effect. */
  readonly since: string;
  readonly value: number | Readonly<Record<string, number>>;
  /** First reference as "title <url>", or "ASSUMPTION: reason". */
  readonly source: string;
  readonly assumption: boolean;
  readonly file: string;
}

export function sourceText(p: Provenance): string {
  if (p.assumption) return `ASSUMPTION: ${p.reason ?? ""}`.trim();
  const first = p.references[0];
  return first ? `${first.title} <${first.href}>` : "";
}

/** The value in force on `date` (ISO); the latest value when no date is given. A step function: the first
 * value also holds before its date. */
export function valueAt(values: readonly DatedEntry[], date?: string): DatedEntry {
  if (date === undefined) return values[values.length - 1]!;
  const day = parseIsoDay(date);
  let found = values[0]!;
  for (const v of values) if (day !== null && parseIsoDay(v.date)! <= day) found = v;
  return found;
}

function matches(p: TreeParameter, query: string): boolean {
  const q = query.toLowerCase();
  return p.path.toLowerCase().includes(q) || p.description.toLowerCase().includes(q);
}

export function parameterRows(tree: ParameterTree, query?: string, date?: string): ParameterRow[] {
  return [...tree.parameters.values()]
    .filter((p) => query === undefined || matches(p, query))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((p) => {
      const v = valueAt(p.values, date);
      return {
        path: p.path,
        description: p.description,
        unit: p.unit,
        kind: p.kind,
        since: v.date,
        value: v.value,
        source: sourceText(v.provenance),
        assumption: v.provenance.assumption,
        file: p.file,
      };
    });
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  return Number(n.toPrecision(4)).toString();
}

export function formatValue(value: ParameterRow["value"]): string {
  if (typeof value === "number") return formatNumber(value);
  return Object.entries(value)
    .map(([k, v]) => `${k} ${formatNumber(v)}`)
    .join(", ");
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** A readable table, one parameter per block: path, value and unit, then its source. */
export function parameterTable(rows: readonly ParameterRow[], width = 110): string {
  const pathWidth = Math.min(48, Math.max(9, ...rows.map((r) => r.path.length)));
  const lines: string[] = [];
  for (const r of rows) {
    const head = `${r.path.padEnd(pathWidth)}  ${formatValue(r.value)} ${r.unit} (since ${r.since})`;
    lines.push(clip(head, width));
    lines.push(clip(`${" ".repeat(pathWidth)}  ${r.source}`, width));
  }
  return lines.join("\n");
}
