import type { Reference } from "../params/types.ts";
import type { RunAggregate } from "../run/aggregate.ts";
import type { RunMeta, ScenarioRecord } from "../store/records.ts";
import { reportCharts } from "./charts.ts";
import { compareWithStudy } from "./compare.ts";
import {
  formatCount,
  formatInUnit,
  formatPercent,
  formatRange,
  formatUsd,
  formatYears,
  humanName,
} from "./format.ts";

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function links(refs: readonly Reference[]): string {
  return refs
    .map((r) => `<a href="${escapeHtml(r.href)}" rel="noreferrer">${escapeHtml(r.title)}</a>`)
    .join("; ");
}

function sourceCell(refs: readonly Reference[], assumption: boolean, reason: string | undefined): string {
  const parts: string[] = [];
  if (refs.length > 0) parts.push(links(refs));
  if (assumption) parts.push(`<em>assumption: ${escapeHtml(reason ?? "no reason given")}</em>`);
  return parts.join("<br>") || "<em>no source given</em>";
}

function valueText(value: number | Readonly<Record<string, number>>): string {
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${v.toLocaleString("en-US", { maximumFractionDigits: 6 })}`)
    .join(", ");
}

function assumptionsTable(scenario: ScenarioRecord): string {
  const rows = scenario.parameters.flatMap((p) =>
    p.values.map(
      (v) => `<tr><td><code>${escapeHtml(p.path)}</code><br><small>${escapeHtml(p.description)}</small></td>
<td>${escapeHtml(v.date)}</td><td>${escapeHtml(valueText(v.value))}</td><td>${escapeHtml(p.unit)}</td>
<td>${sourceCell(v.provenance.references, v.provenance.assumption, v.provenance.reason)}${
        v.provenance.origin === "override" ? "<br><small>set by the scenario</small>" : ""
      }</td></tr>`,
    ),
  );
  return `<table><thead><tr><th>Parameter</th><th>From</th><th>Value</th><th>Unit</th><th>Source</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function policyDetails(event: Readonly<Record<string, unknown>>): string {
  const skip = new Set(["type", "day", "date", "references", "assumption", "reason", "note"]);
  return Object.entries(event)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

function policiesTable(scenario: ScenarioRecord): string {
  if (scenario.policies.length === 0) return "<p>No policy events.</p>";
  const rows = scenario.policies.map(
    (p) => `<tr><td>${escapeHtml(p.date)}</td><td>${escapeHtml(p.type.replaceAll("_", " "))}</td>
<td>${escapeHtml(policyDetails(p as unknown as Record<string, unknown>))}${
      p.note ? `<br><small>${escapeHtml(p.note)}</small>` : ""
    }</td><td>${sourceCell(p.references, p.assumption, p.reason)}</td></tr>`,
  );
  return `<table><thead><tr><th>Date</th><th>Policy</th><th>Details</th><th>Source</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function kpiTable(agg: RunAggregate, target: number | null): string {
  const i = agg.intervals;
  const row = (label: string, value: string, range: string, unit: string) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td><td>${escapeHtml(range)}</td><td>${escapeHtml(unit)}</td></tr>`;
  const fyRows = Object.entries(agg.kpis.removalsByFiscalYear).map(([fy, v]) => {
    const [lo, hi] = i[`removalsByFiscalYear.${fy}`] ?? [null, null];
    return row(`Removals ${fy}`, formatCount(v), formatRange(lo, hi), "people");
  });
  const r = (name: string) => i[name] ?? [null, null];
  return `<table class="kpis"><thead><tr><th>Measure</th><th>Mean</th><th>5–95% range</th><th>Unit</th></tr></thead><tbody>
${fyRows.join("\n")}
${row("Removals, total", formatCount(agg.kpis.removalsTotal), formatRange(...r("removalsTotal")), "people")}
${row(
  target === null ? "Time to target (none set)" : `Time to ${formatCount(target)} removals (median)`,
  formatYears(agg.kpis.yearsToTarget),
  r("yearsToTarget").every((x) => x === null) ? "" : formatRange(...r("yearsToTarget"), formatYears),
  "years",
)}
${row("Peak detention", formatCount(agg.kpis.peakDetention), formatRange(...r("peakDetention")), "people")}
${row("Cost, total", formatUsd(agg.kpis.costTotal), formatRange(...r("costTotal"), formatUsd), "USD (nominal)")}
${row("Cost per removal", formatUsd(agg.kpis.costPerRemoval), formatRange(...r("costPerRemoval"), formatUsd), "USD per person removed")}
</tbody></table>`;
}

function impactsTable(agg: RunAggregate): string {
  if (agg.impacts.length === 0) return "<p>The model reported no impact lines.</p>";
  const rows = agg.impacts.map((m) => {
    const fmt = (x: number | null | undefined) => formatInUnit(x, m.unit);
    return `<tr><td>${escapeHtml(humanName(m.name))}</td><td>${escapeHtml(fmt(m.mean))}</td><td>${escapeHtml(
      formatRange(m.low, m.high, fmt),
    )}</td><td>${escapeHtml(m.unit)}</td><td>${m.coefficients.map((c) => `<code>${escapeHtml(c)}</code>`).join(" ")}</td></tr>`;
  });
  return `<table><thead><tr><th>Impact</th><th>Mean</th><th>5–95% range</th><th>Unit</th><th>Coefficients</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

function studySection(agg: RunAggregate, scenario: ScenarioRecord): string {
  const study = scenario.study;
  if (!study) return "";
  const rows = compareWithStudy(agg, study).map((r) => {
    const fmt = (x: number) => formatInUnit(x, r.unit);
    const diff = Number.isNaN(r.differencePct)
      ? "n/a"
      : `${r.differencePct >= 0 ? "+" : "−"}${Math.abs(r.differencePct).toFixed(1)}%`;
    return `<tr><td>${escapeHtml(r.line)} [${r.tag}]</td><td>${escapeHtml(fmt(r.studyValue))}</td><td>${escapeHtml(
      fmt(r.modelValue),
    )}</td><td>${diff}</td><td>±${escapeHtml(formatPercent(r.tolerance, 1))}</td><td>${r.withinTolerance ? "yes" : "no"}</td><td>${r.stages
      .map((x) => `<code>${escapeHtml(x)}</code>`)
      .join(" ")}</td></tr>`;
  });
  return `<h2>Against the study</h2>
<p><a href="${escapeHtml(study.href)}" rel="noreferrer">${escapeHtml(study.title)}</a>: each published line beside the
sum of the model's cost lines of the same stages (mean over replications). Tags: [P] published, [S] secondary, [I] implied.</p>
<table><thead><tr><th>Line</th><th>Study</th><th>Model</th><th>Difference</th><th>Tolerance</th><th>Within</th><th>Stages</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0 1rem; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
table.kpis td { font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0 2rem; } figcaption { color: #555; font-size: 0.85rem; }
pre { background: #f6f6f6; padding: 1rem; overflow-x: auto; font-size: 0.8rem; }
.meta { color: #555; } .warn { color: #8a1c1c; font-weight: 600; }
`;

export interface HtmlReportInput {
  readonly aggregate: RunAggregate;
  readonly scenario: ScenarioRecord;
  readonly run?: Pick<RunMeta, "runId" | "status" | "replicationsPlanned" | "codeVersion" | "startedAt">;
}

/** The HTML report: one self-contained file (inline styles, SVG rendered now, no scripts). */
export function htmlReport({ aggregate: agg, scenario, run }: HtmlReportInput): string {
  const target = scenario.target.removals;
  const charts = reportCharts(agg, target)
    .map(
      (c) => `<figure id="${c.id}"><h2>${escapeHtml(c.title)}</h2>
${c.svg || "<p>The run reported no data for this chart.</p>"}
<figcaption>${escapeHtml(c.note)}</figcaption></figure>`,
    )
    .join("\n");
  const status =
    run && run.status !== "complete"
      ? `<p class="warn">Incomplete run: ${agg.replications} of ${run.replicationsPlanned} replications finished.</p>`
      : "";
  const checks = agg.checks;
  const checkText = `conservation ${checks.conservation ? "ok" : "failed"}, capacity ${
    checks.capacity ? "ok" : "failed"
  }, cost identity ${checks.costIdentity ? "ok" : "failed"}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>immsim report: ${escapeHtml(scenario.name)}</title>
<style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(scenario.name)}</h1>
<p>${escapeHtml(scenario.description)}</p>
<p class="meta">${run ? `Run ${run.runId} · started ${escapeHtml(run.startedAt)} · immsim ${escapeHtml(run.codeVersion)} · ` : ""}
start ${escapeHtml(scenario.start)} · ${agg.horizonDays} days · seed ${agg.seed} · scale ${agg.scale} ·
${agg.replications} replications · synthetic population · figures at full scale · checks: ${checkText}</p>
${status}
<h2>Key figures</h2>
${kpiTable(agg, target)}
${studySection(agg, scenario)}
<h2>Human impacts</h2>
${impactsTable(agg)}
${charts}
<h2>Policy events</h2>
${policiesTable(scenario)}
<h2>Assumptions and sources</h2>
${assumptionsTable(scenario)}
<h2>Scenario file</h2>
<pre>${escapeHtml(scenario.sourceText)}</pre>
</body></html>
`;
}
