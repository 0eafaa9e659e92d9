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
  /** The asked date precedes every dated value: the earliest value is shown (step functions hold it before). */
  readonly beforeFirst: boolean;
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
        beforeFirst: date !== undefined && date < p.values[0]!.date,
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

/** Words joined into lines no wider than `width` (after the indent). */
function wrap(parts: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    if (line && indent.length + line.length + 2 + part.length > width) {
      lines.push(`${indent}${line},`);
      line = part;
    } else line = line ? `${line}, ${part}` : part;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function sinceText(r: ParameterRow): string {
  return r.beforeFirst ? `earliest value, dated ${r.since}` : `since ${r.since}`;
}

/** A readable listing, one block per parameter: path, value, unit and date, then the source. */
export function parameterTable(rows: readonly ParameterRow[], width = 110): string {
  const lines: string[] = [];
  for (const r of rows) {
    const oneLine = `${r.path}  ${formatValue(r.value)} ${r.unit}  (${sinceText(r)})`;
    if (typeof r.value === "number" || oneLine.length <= width) lines.push(oneLine);
    else {
      lines.push(`${r.path}  ${r.unit}  (${sinceText(r)})`);
      const parts = Object.entries(r.value).map(([k, v]) => `${k} ${formatNumber(v)}`);
      lines.push(...wrap(parts, width, "    "));
    }
    lines.push(clip(`    ${r.source}`, width));
  }
  return lines.join("\n");
}
