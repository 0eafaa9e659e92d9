/** Number formatting shared by the terminal summary, the HTML report and comparisons. */

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });
const usdCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumSignificantDigits: 3,
});
const usdWhole = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

function missing(x: number | null | undefined): x is null | undefined {
  return x === null || x === undefined || Number.isNaN(x);
}

/** People and other counts: exact below 100,000, compact above (`1.23M`). */
export function formatCount(x: number | null | undefined): string {
  if (missing(x)) return "n/a";
  if (!Number.isFinite(x)) return "never";
  return Math.abs(x) < 100_000 ? whole.format(x) : compact.format(x);
}

export function formatUsd(x: number | null | undefined): string {
  if (missing(x)) return "n/a";
  return Math.abs(x) < 100_000 ? usdWhole.format(x) : usdCompact.format(x);
}

export function formatYears(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "not within the horizon";
  return `${x.toFixed(1)} years`;
}

export function formatPercent(x: number | null | undefined, digits = 0): string {
  if (missing(x) || !Number.isFinite(x)) return "n/a";
  return `${(x * 100).toFixed(digits)}%`;
}

/** A value in the unit it is measured in. */
export function formatInUnit(x: number | null | undefined, unit: string): string {
  return /usd|\$|dollar/i.test(unit) ? formatUsd(x) : formatCount(x);
}

export function formatRange(
  low: number | null | undefined,
  high: number | null | undefined,
  format: (x: number | null | undefined) => string = formatCount,
): string {
  return `[${format(low ?? Number.POSITIVE_INFINITY)} – ${format(high ?? Number.POSITIVE_INFINITY)}]`;
}

/** Collapses a period-by-period list into runs of equal values: `2025-01 – 2025-06  beds`. */
export function collapseRuns(
  rows: readonly { readonly period: string; readonly resource: string }[],
): { from: string; to: string; resource: string }[] {
  const out: { from: string; to: string; resource: string }[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last && last.resource === row.resource) last.to = row.period;
    else out.push({ from: row.period, to: row.period, resource: row.resource });
  }
  return out;
}
