import type { ImpactBand, RunAggregate } from "../run/aggregate.ts";
import type { RunMeta } from "../store/records.ts";
import {
  collapseRuns,
  formatCount,
  formatInUnit,
  formatPercent,
  formatRange,
  formatUsd,
  formatWithUnit,
  formatYears,
  humanName,
} from "./format.ts";

export interface SummaryContext {
  readonly run?: Pick<RunMeta, "runId" | "status" | "replicationsPlanned">;
  readonly target: number | null;
}

function peakOf(bands: readonly { mean: number }[] | undefined): number {
  if (!bands || bands.length === 0) return Number.NaN;
  return Math.max(...bands.map((b) => b.mean));
}

const PEOPLE_UNIT = /person|people|children|workers|deaths/i;
/** A machine name with a dotted part, e.g. `workers_removed.construction`. */
const BREAKDOWN_NAME = /^[a-z0-9_]+\.[a-z0-9_.]+$/i;

/**
 * Impacts on people come first (counts of persons, children, deaths), largest first; then the others.
 * Left out: breakdown lines (`workers_removed.construction`, whose total is listed) and `removals`, which
 * the summary already shows.
 */
export function largestImpacts(impacts: readonly ImpactBand[], count: number): ImpactBand[] {
  const candidates = impacts.filter((i) => !BREAKDOWN_NAME.test(i.name) && i.name !== "removals");
  const people = candidates.filter((i) => PEOPLE_UNIT.test(i.unit)).sort((a, b) => b.mean - a.mean);
  const others = candidates.filter((i) => !PEOPLE_UNIT.test(i.unit)).sort((a, b) => b.mean - a.mean);
  return [...people, ...others].slice(0, count);
}

/** The terminal summary: what a reader needs in ten seconds, every figure with its unit and its range. */
export function terminalSummary(agg: RunAggregate, ctx: SummaryContext): string {
  const lines: string[] = [];
  const runLabel = ctx.run
    ? `run ${ctx.run.runId} (${ctx.run.status}, ${agg.replications} of ${ctx.run.replicationsPlanned} replications)`
    : `${agg.replications} replications`;
  lines.push(`${agg.scenario} · ${runLabel} · seed ${agg.seed} · scale ${agg.scale}`);
  lines.push("Ranges in brackets are 5th–95th percentiles over replications.");
  lines.push("");

  lines.push("Removals by fiscal year (people removed)");
  const fys = Object.keys(agg.kpis.removalsByFiscalYear);
  for (const fy of fys) {
    const [lo, hi] = agg.intervals[`removalsByFiscalYear.${fy}`] ?? [null, null];
    lines.push(
      `  ${fy.padEnd(8)} ${formatCount(agg.kpis.removalsByFiscalYear[fy]).padStart(13)}  ${formatRange(lo, hi)}`,
    );
  }
  const [tLo, tHi] = agg.intervals.removalsTotal ?? [null, null];
  lines.push(
    `  ${"Total".padEnd(8)} ${formatCount(agg.kpis.removalsTotal).padStart(13)}  ${formatRange(tLo, tHi)}`,
  );
  lines.push("");

  const [yLo, yHi] = agg.intervals.yearsToTarget ?? [null, null];
  if (ctx.target === null) {
    lines.push("Time to target: no removal target set in the scenario");
  } else {
    // A range of "never – never" says nothing the value does not.
    const range = yLo === null && yHi === null ? "" : ` ${formatRange(yLo, yHi, formatYears)}`;
    lines.push(
      `Time to target (${formatCount(ctx.target)} removals): ${formatYears(agg.kpis.yearsToTarget)}${range}`,
    );
  }

  const beds = peakOf(agg.monthly["capacity.beds"]);
  const [dLo, dHi] = agg.intervals.peakDetention ?? [null, null];
  lines.push(
    `Peak detention: ${formatCount(agg.kpis.peakDetention)} people ${formatRange(dLo, dHi)} ` +
      `against ${formatCount(beds)} beds at most (${formatPercent(agg.kpis.peakDetention / beds)} of capacity)`,
  );
  const [cLo, cHi] = agg.intervals.costPerRemoval ?? [null, null];
  const [ctLo, ctHi] = agg.intervals.costTotal ?? [null, null];
  lines.push(
    `Cost per removal: ${formatUsd(agg.kpis.costPerRemoval)} per person removed ${formatRange(cLo, cHi, formatUsd)}; ` +
      `total ${formatUsd(agg.kpis.costTotal)} ${formatRange(ctLo, ctHi, formatUsd)} (nominal USD)`,
  );
  lines.push("");

  lines.push("Binding constraint by period (the resource most often at its limit)");
  const runs = collapseRuns(agg.kpis.bindingConstraints);
  if (runs.length === 0) lines.push("  none reported");
  for (const r of runs) {
    const span = r.from === r.to ? r.from : `${r.from} – ${r.to}`;
    lines.push(`  ${span.padEnd(20)} ${r.resource ? humanName(r.resource) : "none"}`);
  }
  lines.push("");

  lines.push("Largest human impacts");
  const impacts = largestImpacts(agg.impacts, 3);
  if (impacts.length === 0) lines.push("  none reported");
  for (const i of impacts) {
    const fmt = (x: number | null | undefined) => formatInUnit(x, i.unit);
    lines.push(
      `  ${humanName(i.name)}: ${formatWithUnit(i.mean, i.unit)} ${formatRange(i.low, i.high, fmt)}`,
    );
  }
  lines.push("");

  const ok = (b: boolean) => (b ? "ok" : "FAILED");
  lines.push(
    `Checks: conservation ${ok(agg.checks.conservation)}, capacity ${ok(agg.checks.capacity)}, ` +
      `cost identity ${ok(agg.checks.costIdentity)}`,
  );
  for (const m of agg.checks.messages.slice(0, 3)) lines.push(`  ${m}`);
  return `${lines.join("\n")}\n`;
}
