/** Number formatting shared by the terminal summary, the HTML report and comparisons. */

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const threeDigits = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
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

/**
 * People and other counts. Model figures carry sampling noise, so three significant digits are shown:
 * `1,234`, `149,000`, `1.23 million`.
 */
export function formatCount(x: number | null | undefined): string {
  if (missing(x)) return "n/a";
  if (!Number.isFinite(x)) return "never";
  if (Math.abs(x) < 10_000) return whole.format(x);
  if (Math.abs(x) < 1e6) return threeDigits.format(x);
  if (Math.abs(x) < 1e9) return `${threeDigits.format(x / 1e6)} million`;
  return `${threeDigits.format(x / 1e9)} billion`;
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

function isMoney(unit: string): boolean {
  return /usd|\$|dollar/i.test(unit);
}

/** A value followed by its unit, with money shown once (`$1.2B per year`, not `$1.2B USD per year`). */
export function formatWithUnit(x: number | null | undefined, unit: string): string {
  if (isShare(unit)) return `${formatInUnit(x, unit)} (${unit})`;
  if (!isMoney(unit)) return `${formatCount(x)} ${unit}`.trimEnd();
  const rest = unit
    .replace(/\b(usd|dollars?)\b/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return `${formatUsd(x)}${rest ? ` ${rest}` : ""}`;
}

function isShare(unit: string): boolean {
  return /^share\b|\bshare of\b|^fraction/i.test(unit);
}

/** A value in the unit it is measured in, without the unit (shares as percentages). */
export function formatInUnit(x: number | null | undefined, unit: string): string {
  if (isMoney(unit)) return formatUsd(x);
  if (isShare(unit)) return formatPercent(x, Math.abs(x ?? 0) < 0.01 ? 3 : 1);
  return formatCount(x);
}

const ACRONYMS: Readonly<Record<string, string>> = {
  us: "U.S.",
  gdp: "GDP",
  atd: "ATD",
  ice: "ICE",
  tps: "TPS",
};

/**
 * `output_lost_per_year` reads as `Output lost per year`, `workers_removed.construction` as
 * `Workers removed: construction`; names with spaces are kept as they are.
 */
export function humanName(name: string): string {
  if (name.includes(" ")) return name;
  const words = (part: string) =>
    part
      .split("_")
      .map((w) => ACRONYMS[w] ?? w)
      .join(" ");
  const text = name.split(".").map(words).join(": ");
  return text.charAt(0).toUpperCase() + text.slice(1);
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
