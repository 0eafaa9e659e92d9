/**
 * The backtest scenario, built in code: no policy events (history lives in the dated parameters), a
 * start on the first day of FY2015, and a scale, seed and replication count that make a run take seconds.
 */
import { addYears, fiscalYearStartDay, isoOfDay } from "../util/dates.ts";
import { BACKTEST_FIRST_FY } from "./periods.ts";
export interface BacktestSettings {
  /** Agents per person. */
  readonly scale: number;
  readonly seed: number;
  readonly replications: number;
  /** Fiscal years simulated from FY2015 on: 10 for the backtest, 5 for calibration (through FY2019). */
  readonly years: number;
}

/**
 * The backtest starts on the first day of FY2015 with no burn-in: synthesis places the detained population of
 * the date (`detention.initial_population`, ICE's FY2015 ADP) in the detained stages, so detention starts at its
 * working level instead of filling from empty, as it did before and needed half a year of warm-up.
 */
export const FIRST_COMPARED_DAY = fiscalYearStartDay(BACKTEST_FIRST_FY);
export const BACKTEST_START = isoOfDay(FIRST_COMPARED_DAY);

// Chosen from measurement (docs/calibration.md, "Run settings"): under a second per replication, and the
// smallest compared flow (ICE-arrested removals, ~30k a year) has ~1,500 agents, so the spread between
// replications of a yearly figure is a few percent and the mean of four is within about 1%.
export const DEFAULT_SETTINGS: BacktestSettings = { scale: 0.05, seed: 20150101, replications: 4, years: 10 };

/** Scenario document in the same shape as a scenario file (parsed by the loader's `scenarioFromObject`). */
export interface ScenarioObject {
  readonly name: string;
  readonly description: string;
  readonly start: string;
  readonly horizon: { readonly days: number };
  readonly scale: number;
  readonly seed: number;
  readonly replications: number;
  readonly overrides?: Readonly<Record<string, Readonly<Record<string, OverrideEntry>>>>;
  readonly policies: readonly never[];
}

export interface OverrideEntry {
  readonly value: number | Readonly<Record<string, number>>;
  readonly assumption: true;
  readonly reason: string;
}

export function backtestScenarioObject(
  settings: BacktestSettings,
  overrides?: ScenarioObject["overrides"],
): ScenarioObject {
  return {
    name: settings.years === 10 ? "backtest-fy2015-fy2024" : `backtest-fy2015-fy${2014 + settings.years}`,
    description:
      "Historical backtest: dated historical parameters from FY2015 on, no policy events; compared with " +
      "data/actuals/fy2012-fy2024.yaml.",
    start: BACKTEST_START,
    horizon: { days: addYears(FIRST_COMPARED_DAY, settings.years) - FIRST_COMPARED_DAY },
    scale: settings.scale,
    seed: settings.seed,
    replications: settings.replications,
    ...(overrides ? { overrides } : {}),
    policies: [],
  };
}
