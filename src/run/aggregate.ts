import type { Checks, Kpis, PeriodRow } from "../model/results.ts";
import type { ReplicationRecord } from "../store/records.ts";
import { type Band, band, HIGH_Q, LOW_Q, mode, quantile } from "./stats.ts";

/** A value per period with its mean and 90% range over replications. */
export interface PeriodBand extends Band {
  readonly period: string;
}

/** The KPIs of design.md section 7 (the `--json` document), aggregated over replications. */
export type AggregateKpis = Pick<
  Kpis,
  | "removalsTotal"
  | "removalsByFiscalYear"
  | "peakDetention"
  | "costTotal"
  | "costPerRemoval"
  | "yearsToTarget"
  | "bindingConstraints"
>;

export interface CostBand extends Band {
  readonly stage: string;
  readonly item: string;
  readonly fiscalYear: string;
  readonly kind: "operating" | "capital";
}

export interface ImpactBand extends Band {
  readonly name: string;
  readonly unit: string;
  readonly coefficients: readonly string[];
}

/** Everything reports need, over all stored replications of a run. */
export interface RunAggregate {
  readonly scenario: string;
  readonly seed: number;
  readonly scale: number;
  readonly replications: number;
  readonly start: string;
  readonly horizonDays: number;
  readonly kpis: AggregateKpis;
  /** `[low, high]` (5th and 95th percentiles) of each KPI; `null` stands for "never within the horizon". */
  readonly intervals: Readonly<Record<string, readonly [number | null, number | null]>>;
  readonly checks: Checks;
  readonly monthly: Readonly<Record<string, readonly PeriodBand[]>>;
  readonly fiscalYears: Readonly<Record<string, readonly PeriodBand[]>>;
  /** Cumulative removals by month (cumulated within each replication before taking ranges). */
  readonly cumulativeRemovals: readonly PeriodBand[];
  readonly utilisation: Readonly<Record<string, readonly PeriodBand[]>>;
  readonly costs: readonly CostBand[];
  readonly impacts: readonly ImpactBand[];
  readonly extraKpis: Readonly<Record<string, Band>>;
  readonly events: number;
  readonly persons: number;
}

const REMOVALS = "flow.removals";

function periodBands(reps: readonly (readonly PeriodRow[])[]): Record<string, PeriodBand[]> {
  const periods: string[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  for (const rows of reps) {
    for (const row of rows) {
      if (!seen.has(row.period)) {
        seen.add(row.period);
        periods.push(row.period);
      }
      for (const name of Object.keys(row.values)) names.add(name);
    }
  }
  periods.sort();
  const lookup = reps.map((rows) => new Map(rows.map((r) => [r.period, r.values])));
  const out: Record<string, PeriodBand[]> = {};
  for (const name of [...names].sort()) {
    out[name] = periods.map((period) => ({
      period,
      ...band(lookup.map((m) => m.get(period)?.[name] ?? 0)),
    }));
  }
  return out;
}

function cumulative(records: readonly ReplicationRecord[]): PeriodBand[] {
  const periods = [...new Set(records.flatMap((r) => r.monthly.map((m) => m.period)))].sort();
  const sums = records.map((r) => {
    const byPeriod = new Map(r.monthly.map((m) => [m.period, m.values[REMOVALS] ?? 0]));
    let total = 0;
    return periods.map((p) => {
      total += byPeriod.get(p) ?? 0;
      return total;
    });
  });
  return periods.map((period, i) => ({ period, ...band(sums.map((s) => s[i]!)) }));
}

function utilisationBands(records: readonly ReplicationRecord[]): Record<string, PeriodBand[]> {
  const rows = records.map((r) => r.utilisation.map((u) => ({ period: u.period, values: u.byResource })));
  return periodBands(rows);
}

function costBands(records: readonly ReplicationRecord[]): CostBand[] {
  const keyOf = (c: { stage: string; item: string; fiscalYear: string; kind: string }) =>
    `${c.stage}\u0000${c.item}\u0000${c.fiscalYear}\u0000${c.kind}`;
  const keys = new Map<
    string,
    { stage: string; item: string; fiscalYear: string; kind: "operating" | "capital" }
  >();
  for (const r of records) for (const c of r.costs) keys.set(keyOf(c), c);
  const totals = records.map((r) => {
    const m = new Map<string, number>();
    for (const c of r.costs) m.set(keyOf(c), (m.get(keyOf(c)) ?? 0) + c.amount);
    return m;
  });
  return [...keys.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, c]) => ({
      stage: c.stage,
      item: c.item,
      fiscalYear: c.fiscalYear,
      kind: c.kind,
      ...band(totals.map((t) => t.get(key) ?? 0)),
    }));
}

function impactBands(records: readonly ReplicationRecord[]): ImpactBand[] {
  const first = new Map<string, { unit: string; coefficients: readonly string[] }>();
  for (const r of records) for (const i of r.impacts) if (!first.has(i.name)) first.set(i.name, i);
  return [...first.entries()].map(([name, info]) => ({
    name,
    unit: info.unit,
    coefficients: info.coefficients,
    ...band(records.map((r) => r.impacts.find((i) => i.name === name)?.value ?? 0)),
  }));
}

function bindingByPeriod(records: readonly ReplicationRecord[]): { period: string; resource: string }[] {
  const periods: string[] = [];
  const byPeriod = new Map<string, string[]>();
  for (const r of records) {
    for (const b of r.kpis.bindingConstraints) {
      const list = byPeriod.get(b.period);
      if (list) list.push(b.resource);
      else {
        byPeriod.set(b.period, [b.resource]);
        periods.push(b.period);
      }
    }
  }
  return periods.map((period) => ({ period, resource: mode(byPeriod.get(period)!) }));
}

function combinedChecks(records: readonly ReplicationRecord[]): Checks {
  const messages = records.flatMap((r) => r.checks.messages.map((m) => `replication ${r.replication}: ${m}`));
  return {
    conservation: records.every((r) => r.checks.conservation),
    capacity: records.every((r) => r.checks.capacity),
    costIdentity: records.every((r) => r.checks.costIdentity),
    messages: messages.slice(0, 10),
  };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Aggregates replications: KPIs are means (time to target: the median), ranges are 5th–95th percentiles. */
export function aggregate(records: readonly ReplicationRecord[]): RunAggregate {
  const first = records[0];
  if (!first) throw new Error("no replication to aggregate: the run stored none");
  const sorted = [...records].sort((a, b) => a.replication - b.replication);
  const kpi = (pick: (r: ReplicationRecord) => number) => sorted.map(pick);
  const fyLabels = [...new Set(sorted.flatMap((r) => Object.keys(r.kpis.removalsByFiscalYear)))].sort();
  const years = kpi((r) => r.kpis.yearsToTarget ?? Number.POSITIVE_INFINITY);

  const scalar: Record<string, number[]> = {
    removalsTotal: kpi((r) => r.kpis.removalsTotal),
    peakDetention: kpi((r) => r.kpis.peakDetention),
    costTotal: kpi((r) => r.kpis.costTotal),
    costPerRemoval: kpi((r) => r.kpis.costPerRemoval),
  };
  const intervals: Record<string, readonly [number | null, number | null]> = {};
  for (const [name, values] of Object.entries(scalar)) {
    intervals[name] = [quantile(values, LOW_Q), quantile(values, HIGH_Q)];
  }
  const byFy: Record<string, number> = {};
  for (const fy of fyLabels) {
    const values = kpi((r) => r.kpis.removalsByFiscalYear[fy] ?? 0);
    byFy[fy] = band(values).mean;
    intervals[`removalsByFiscalYear.${fy}`] = [quantile(values, LOW_Q), quantile(values, HIGH_Q)];
  }
  intervals.yearsToTarget = [finiteOrNull(quantile(years, LOW_Q)), finiteOrNull(quantile(years, HIGH_Q))];

  const extraKpis: Record<string, Band> = {
    meanDaysInDetention: band(kpi((r) => r.kpis.meanDaysInDetention)),
    p95DaysInDetention: band(kpi((r) => r.kpis.p95DaysInDetention)),
    releasedNoCountry: band(kpi((r) => r.kpis.releasedNoCountry)),
    voluntaryDepartures: band(kpi((r) => r.kpis.voluntaryDepartures)),
  };

  return {
    scenario: first.scenario,
    seed: first.seed,
    scale: first.scale,
    replications: sorted.length,
    start: first.start,
    horizonDays: first.horizonDays,
    kpis: {
      removalsTotal: band(scalar.removalsTotal!).mean,
      removalsByFiscalYear: byFy,
      peakDetention: band(scalar.peakDetention!).mean,
      costTotal: band(scalar.costTotal!).mean,
      costPerRemoval: band(scalar.costPerRemoval!).mean,
      yearsToTarget: finiteOrNull(quantile(years, 0.5)),
      bindingConstraints: bindingByPeriod(sorted),
    },
    intervals,
    checks: combinedChecks(sorted),
    monthly: periodBands(sorted.map((r) => r.monthly)),
    fiscalYears: periodBands(sorted.map((r) => r.fiscalYears)),
    cumulativeRemovals: cumulative(sorted),
    utilisation: utilisationBands(sorted),
    costs: costBands(sorted),
    impacts: impactBands(sorted),
    extraKpis,
    events: sorted.reduce((s, r) => s + r.timing.events, 0),
    persons: first.timing.persons,
  };
}
