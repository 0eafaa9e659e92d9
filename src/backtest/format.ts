/** The backtest as a readable terminal table: one block per metric, years down, then the MAPE lines. */
import type { Actuals } from "./actuals.ts";
import type { BacktestReport, BacktestRow } from "./compare.ts";
import { isShareMetric, METRIC_NAMES, METRICS, type MetricName } from "./metrics.ts";
import { fiscalYearNumber } from "./periods.ts";

function formatValue(metric: MetricName, value: number): string {
  if (isShareMetric(metric)) return `${(value * 100).toFixed(1)}%`;
  return Math.round(value).toLocaleString("en-US");
}

function formatPct(value: number | null): string {
  if (value === null) return "n/a";
  return `${value.toFixed(1)}%`;
}

function sampleLabel(row: BacktestRow): string {
  if (row.flag) return `flagged: ${row.flag}`;
  return row.inSample ? "in sample" : "out of sample";
}

export interface FormatContext {
  readonly actuals: Actuals;
  readonly header: readonly string[];
  readonly notes: readonly string[];
}

export function formatReport(report: BacktestReport, ctx: FormatContext): string {
  const lines: string[] = [...ctx.header, ""];
  const metrics = METRIC_NAMES.filter((m) => report.years.some((r) => r.metric === m));
  for (const metric of metrics) {
    const described = ctx.actuals.describe(metric);
    lines.push(`${METRICS[metric].label}${described ? ` (${described.unit})` : ""}`);
    lines.push(
      `  ${"year".padEnd(7)} ${"modelled".padStart(12)} ${"actual".padStart(12)} ${"source".padEnd(8)} ${"error".padStart(8)}  sample`,
    );
    for (const row of report.years.filter((r) => r.metric === metric)) {
      const err = `${row.errorPct >= 0 ? "+" : ""}${row.errorPct.toFixed(1)}%`;
      const tag = ctx.actuals.get(metric, fiscalYearNumber(row.fiscalYear))?.reliability ?? "";
      lines.push(
        `  ${row.fiscalYear.padEnd(7)} ${formatValue(metric, row.modelled).padStart(12)} ` +
          `${formatValue(metric, row.actual).padStart(12)} ${tag.padEnd(8)} ${err.padStart(8)}  ${sampleLabel(row)}`,
      );
    }
    const m = report.mape[metric];
    lines.push(`  MAPE in sample (FY2015-FY2019): ${formatPct(m?.inSample ?? null)}`);
    lines.push(`  MAPE out of sample (FY2022-FY2024): ${formatPct(m?.outOfSample ?? null)}`);
    lines.push("");
  }
  lines.push("FY2020-FY2021 are flagged (pandemic/Title 42) and excluded from both MAPEs.");
  lines.push(
    "source: reliability of the actual figure (official, research, press, low, derived); see the actuals file.",
  );
  for (const note of ctx.notes) lines.push(note);
  return `${lines.join("\n")}\n`;
}
