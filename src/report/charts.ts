import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { PeriodBand, RunAggregate } from "../run/aggregate.ts";
import { formatUsd } from "./format.ts";

/** One chart of the HTML report: a title, the SVG (or figure with legend) and a note on what is shown. */
export interface Chart {
  readonly id: string;
  readonly title: string;
  /** Markup rendered at report time; empty when the run has no data for the chart. */
  readonly svg: string;
  readonly note: string;
}

const WIDTH = 760;
const HEIGHT = 300;
const BAND_NOTE = "Line: mean over replications; shaded band: 5th–95th percentile.";

// Plot needs a DOM to build SVG; a lightweight one is enough because nothing is laid out.
function newDocument(): Plot.PlotOptions["document"] {
  return parseHTML("<!doctype html><html><body></body></html>")
    .document as unknown as Plot.PlotOptions["document"];
}

function monthDate(period: string): Date {
  return new Date(`${period}-01T00:00:00Z`);
}

interface Point {
  readonly date: Date;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly series: string;
}

function points(bands: readonly PeriodBand[] | undefined, series: string): Point[] {
  return (bands ?? []).map((b) => ({
    date: monthDate(b.period),
    mean: b.mean,
    low: b.low,
    high: b.high,
    series,
  }));
}

function render(options: Plot.PlotOptions): string {
  const node = Plot.plot({
    document: newDocument(),
    width: WIDTH,
    height: HEIGHT,
    marginBottom: 40,
    ...options,
  });
  return (node as unknown as { outerHTML: string }).outerHTML;
}

/** Bands and mean lines for one or more monthly series, coloured by series name. */
function bandChart(data: Point[], yLabel: string, extra: Plot.Markish[] = [], bands = true): string {
  if (data.length === 0) return "";
  const multi = new Set(data.map((d) => d.series)).size > 1;
  return render({
    x: { type: "utc", label: "Month", labelAnchor: "center", labelArrow: "none" },
    y: { label: yLabel, grid: true, zero: true, tickFormat: "~s" },
    color: multi ? { legend: true } : {},
    marks: [
      bands
        ? Plot.areaY(data, {
            x: "date",
            y1: "low",
            y2: "high",
            z: "series",
            fill: multi ? "series" : "steelblue",
            fillOpacity: 0.2,
          })
        : null,
      Plot.lineY(data, { x: "date", y: "mean", z: "series", stroke: multi ? "series" : "steelblue" }),
      ...extra,
    ],
  });
}

function removalsPerMonth(agg: RunAggregate): Chart {
  return {
    id: "removals-per-month",
    title: "Removals per month",
    svg: bandChart(points(agg.monthly["flow.removals"], "removals"), "People removed per month"),
    note: BAND_NOTE,
  };
}

function cumulativeRemovals(agg: RunAggregate, target: number | null): Chart {
  const rule = target === null ? [] : [Plot.ruleY([target], { stroke: "firebrick", strokeDasharray: "6,4" })];
  return {
    id: "cumulative-removals",
    title: "Cumulative removals against the target",
    svg: bandChart(
      points(agg.cumulativeRemovals, "cumulative removals"),
      "People removed (cumulative)",
      rule,
    ),
    note:
      target === null
        ? `${BAND_NOTE} The scenario sets no removal target.`
        : `${BAND_NOTE} Dashed line: the target of ${target.toLocaleString("en-US")} removals.`,
  };
}

function detentionVsCapacity(agg: RunAggregate): Chart {
  const data = [
    ...points(agg.monthly["stock.detained"], "detained population"),
    ...points(agg.monthly["capacity.beds"], "bed capacity"),
  ];
  return {
    id: "detention",
    title: "Detention population against bed capacity",
    svg: bandChart(data, "People in detention / beds (monthly mean)"),
    note: BAND_NOTE,
  };
}

function courtBacklog(agg: RunAggregate): Chart {
  return {
    id: "court-backlog",
    title: "Immigration court backlog",
    svg: bandChart(
      points(agg.monthly["stock.court_backlog"], "pending cases"),
      "Pending cases (monthly mean)",
    ),
    note: BAND_NOTE,
  };
}

function arrestsByChannel(agg: RunAggregate): Chart {
  const data = Object.keys(agg.monthly)
    .filter((name) => name.startsWith("flow.arrests."))
    .flatMap((name) => points(agg.monthly[name], name.slice("flow.arrests.".length).replaceAll("_", " ")));
  return {
    id: "arrests",
    title: "Arrests by channel",
    svg: bandChart(data, "Arrests per month"),
    note: BAND_NOTE,
  };
}

function costByStage(agg: RunAggregate): Chart {
  const totals = new Map<string, { fiscalYear: string; stage: string; usd: number }>();
  for (const c of agg.costs) {
    const key = `${c.fiscalYear}|${c.stage}`;
    const row = totals.get(key) ?? { fiscalYear: c.fiscalYear, stage: c.stage, usd: 0 };
    row.usd += c.mean;
    totals.set(key, row);
  }
  const data = [...totals.values()];
  return {
    id: "costs",
    title: "Cost by stage and fiscal year",
    svg:
      data.length === 0
        ? ""
        : render({
            x: { label: "Fiscal year", type: "band", labelAnchor: "center", labelArrow: "none" },
            y: {
              label: "USD (nominal, mean over replications)",
              grid: true,
              tickFormat: (d: number) => formatUsd(d),
            },
            color: { legend: true },
            marks: [
              Plot.barY(data, { x: "fiscalYear", y: "usd", fill: "stage", order: "stage" }),
              Plot.ruleY([0]),
            ],
          }),
    note: "Operating and capital costs, stacked by pipeline stage.",
  };
}

function utilisation(agg: RunAggregate): Chart {
  const data = Object.keys(agg.utilisation).flatMap((resource) =>
    points(agg.utilisation[resource], resource.replaceAll("_", " ")),
  );
  return {
    id: "utilisation",
    title: "Utilisation of each resource",
    // Many resources share this chart: ranges would hide the lines, so only means are drawn.
    svg: bandChart(
      data,
      "Utilisation (share of capacity in use)",
      [Plot.ruleY([1], { stroke: "black", strokeDasharray: "3,3" })],
      false,
    ),
    note: "Mean over replications. Dotted line: full use; a resource at or above it binds.",
  };
}

function bindingConstraint(agg: RunAggregate): Chart {
  const data = agg.kpis.bindingConstraints.filter((b) => b.resource !== "");
  const monthly = data.every((b) => /^\d{4}-\d{2}$/.test(b.period));
  const rows = data.map((b) => ({ ...b, date: monthly ? monthDate(b.period) : b.period }));
  const height = 70 + 28 * new Set(data.map((d) => d.resource)).size;
  return {
    id: "binding",
    title: "Binding constraint by period",
    svg:
      data.length === 0
        ? ""
        : render({
            height,
            marginLeft: 130,
            x: monthly
              ? { type: "utc", label: "Month", labelAnchor: "center", labelArrow: "none" }
              : { type: "band", label: "Period", labelAnchor: "center", labelArrow: "none" },
            y: { label: "Resource" },
            marks: monthly
              ? [Plot.tickX(rows, { x: "date", y: "resource", stroke: "resource", strokeWidth: 3 })]
              : [Plot.cell(rows, { x: "date", y: "resource", fill: "resource" })],
          }),
    note: "The resource that binds most often across replications in each period.",
  };
}

/** All charts of the report, in reading order. */
export function reportCharts(agg: RunAggregate, target: number | null): Chart[] {
  return [
    removalsPerMonth(agg),
    cumulativeRemovals(agg, target),
    detentionVsCapacity(agg),
    courtBacklog(agg),
    arrestsByChannel(agg),
    costByStage(agg),
    utilisation(agg),
    bindingConstraint(agg),
  ];
}
