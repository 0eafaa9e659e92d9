import type { StudyMetadata } from "../params/types.ts";
import type { RunAggregate } from "../run/aggregate.ts";
import { formatCount, formatPercent, formatUsd, formatYears } from "./format.ts";

export interface StudyComparisonRow {
  readonly line: string;
  readonly unit: string;
  readonly tag: "P" | "S" | "I";
  readonly stages: readonly string[];
  readonly studyValue: number;
  /** Mean over replications of the sum of the model's cost lines whose stage is one of `stages`. */
  readonly modelValue: number;
  /** (model − study) / study, in percent; NaN when the study value is 0. */
  readonly differencePct: number;
  /** Relative tolerance of the line (0.05 = within 5%). */
  readonly tolerance: number;
  readonly withinTolerance: boolean;
}

/** Each published study line beside the model's matching stages. */
export function compareWithStudy(
  agg: Pick<RunAggregate, "costs">,
  study: Pick<StudyMetadata, "lines">,
): StudyComparisonRow[] {
  return study.lines.map((line) => {
    const stages = new Set(line.stages);
    const modelValue = agg.costs.filter((c) => stages.has(c.stage)).reduce((sum, c) => sum + c.mean, 0);
    const diff = modelValue - line.value;
    const differencePct = line.value === 0 ? Number.NaN : (diff / Math.abs(line.value)) * 100;
    return {
      line: line.line,
      unit: line.unit,
      tag: line.tag,
      stages: line.stages,
      studyValue: line.value,
      modelValue,
      differencePct,
      tolerance: line.tolerance,
      withinTolerance: Math.abs(diff) <= line.tolerance * Math.abs(line.value),
    };
  });
}

export interface ComparedRun {
  readonly label: string;
  readonly aggregate: RunAggregate;
}

interface Measure {
  readonly label: string;
  readonly unit: string;
  readonly value: (a: RunAggregate) => number | null;
  readonly format: (x: number | null | undefined) => string;
}

function measures(runs: readonly ComparedRun[]): Measure[] {
  const fys = [...new Set(runs.flatMap((r) => Object.keys(r.aggregate.kpis.removalsByFiscalYear)))].sort();
  return [
    ...fys.map(
      (fy): Measure => ({
        label: `Removals ${fy}`,
        unit: "people",
        value: (a) => a.kpis.removalsByFiscalYear[fy] ?? null,
        format: formatCount,
      }),
    ),
    { label: "Removals, total", unit: "people", value: (a) => a.kpis.removalsTotal, format: formatCount },
    { label: "Peak detention", unit: "people", value: (a) => a.kpis.peakDetention, format: formatCount },
    { label: "Time to target", unit: "years", value: (a) => a.kpis.yearsToTarget, format: formatYears },
    { label: "Cost, total", unit: "USD", value: (a) => a.kpis.costTotal, format: formatUsd },
    { label: "Cost per removal", unit: "USD/person", value: (a) => a.kpis.costPerRemoval, format: formatUsd },
  ];
}

function costMeasures(runs: readonly ComparedRun[]): Measure[] {
  const stages = [...new Set(runs.flatMap((r) => r.aggregate.costs.map((c) => c.stage)))].sort();
  return stages.map((stage) => ({
    label: `Cost: ${stage}`,
    unit: "USD",
    value: (a) => a.costs.filter((c) => c.stage === stage).reduce((s, c) => s + c.mean, 0),
    format: formatUsd,
  }));
}

/** A percentage with its sign, minus as a true minus sign like the differences beside it. */
function signed(pct: number): string {
  return `${pct < 0 ? "−" : "+"}${Math.abs(pct).toFixed(1)}%`;
}

function difference(base: number | null, value: number | null, format: Measure["format"]): string {
  if (base === null || value === null) return "n/a";
  const diff = value - base;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  const pct = base === 0 ? "" : ` (${signed((diff / Math.abs(base)) * 100)})`;
  return `${sign}${format(Math.abs(diff))}${pct}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** KPIs and cost lines side by side, each later run with its difference from the first. */
export function compareRuns(runs: readonly ComparedRun[]): string {
  const base = runs[0];
  if (!base) return "nothing to compare\n";
  const header = ["Measure", "Unit", ...runs.map((r) => r.label)];
  for (const r of runs.slice(1)) header.push(`Δ ${r.label} vs ${base.label}`);
  const rows = [...measures(runs), ...costMeasures(runs)].map((m) => {
    const values = runs.map((r) => m.value(r.aggregate));
    const baseValue = values[0] ?? null;
    return [
      m.label,
      m.unit,
      ...values.map((v) => m.format(v)),
      ...values.slice(1).map((v) => difference(baseValue, v, m.format)),
    ];
  });
  return `${table(header, rows)}\n`;
}

export function studyTable(title: string, rows: readonly StudyComparisonRow[]): string {
  const body = rows.map((r) => {
    const fmt = /usd|\$/i.test(r.unit) ? formatUsd : formatCount;
    return [
      `${r.line} [${r.tag}]`,
      r.unit,
      fmt(r.studyValue),
      fmt(r.modelValue),
      Number.isNaN(r.differencePct) ? "n/a" : signed(r.differencePct),
      `±${formatPercent(r.tolerance, 1)}`,
      r.withinTolerance ? "yes" : "no",
    ];
  });
  const header = ["Study line", "Unit", "Study", "Model", "Difference", "Tolerance", "Within"];
  return `${title}\n${table(header, body)}\n`;
}
