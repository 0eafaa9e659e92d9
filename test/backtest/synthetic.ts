/** Synthetic one-replication Results for backtest tests: constant daily rates chosen per fiscal year. */
import type { Results } from "../../src/model/results.ts";
import { fiscalYearOfDay, parseIsoDay } from "../../src/util/dates.ts";

export interface SyntheticSpec {
  readonly start?: string;
  readonly horizonDays?: number;
  /** Per series, a function of the fiscal year giving the daily value (flows: per day; stocks: level). */
  readonly series: Readonly<Record<string, (fiscalYear: number) => number>>;
}

export function syntheticResults(spec: SyntheticSpec): Results {
  const start = spec.start ?? "2014-10-01";
  const startEpochDay = parseIsoDay(start)!;
  const horizonDays = spec.horizonDays ?? parseIsoDay("2024-10-01")! - startEpochDay;
  const daily: Record<string, Float64Array> = {};
  for (const [name, dailyValue] of Object.entries(spec.series)) {
    const arr = new Float64Array(horizonDays);
    for (let d = 0; d < horizonDays; d++) arr[d] = dailyValue(fiscalYearOfDay(startEpochDay + d));
    daily[name] = arr;
  }
  return {
    scenario: "synthetic",
    seed: 1,
    replication: 0,
    scale: 1,
    start,
    startEpochDay,
    horizonDays,
    daily,
    monthly: [],
    fiscalYears: [],
    utilisation: [],
    costs: [],
    budget: [],
    impacts: [],
    kpis: {
      removalsTotal: 0,
      removalsByFiscalYear: {},
      peakDetention: 0,
      costTotal: 0,
      costPerRemoval: 0,
      yearsToTarget: null,
      bindingConstraints: [],
      meanDaysInDetention: 0,
      p95DaysInDetention: 0,
      meanDaysInQueue: {},
      p95DaysInQueue: {},
      releasedNoCountry: 0,
      voluntaryDepartures: 0,
    },
    checks: { conservation: true, capacity: true, costIdentity: true, messages: [] },
    timing: { wallSeconds: 0, events: 0, persons: 0, agents: 0 },
  };
}

/** Days in a fiscal year (365 or 366). */
export function daysInFiscalYear(fy: number): number {
  return parseIsoDay(`${fy}-10-01`)! - parseIsoDay(`${fy - 1}-10-01`)!;
}
