/**
 * The backtest scenario, built in code: no policy events (history lives in the dated parameters), start on
 * the first day of FY2015, and a scale, seed and replication count that make a run take seconds.
 */
export interface BacktestSettings {
  /** Agents per person. */
  readonly scale: number;
  readonly seed: number;
  readonly replications: number;
  /** Fiscal years simulated from FY2015 on: 10 for the backtest, 5 for calibration (through FY2019). */
  readonly years: number;
}

export const BACKTEST_START = "2014-10-01";

// Chosen from measurement (docs/calibration.md, "Run settings"): small enough for seconds per replication,
// large enough that the smallest compared flow (ICE-arrested removals, ~30k a year) has ~600 agents.
export const DEFAULT_SETTINGS: BacktestSettings = { scale: 0.02, seed: 20150101, replications: 3, years: 10 };

/** Scenario document in the same shape as a scenario file (parsed by the loader's `scenarioFromObject`). */
export interface ScenarioObject {
  readonly name: string;
  readonly description: string;
  readonly start: string;
  readonly horizon: { readonly years: number };
  readonly scale: number;
  readonly seed: number;
  readonly replications: number;
  readonly overrides?: Readonly<Record<string, Readonly<Record<string, OverrideEntry>>>>;
  readonly policies: readonly never[];
}

export interface OverrideEntry {
  readonly value: number;
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
    horizon: { years: settings.years },
    scale: settings.scale,
    seed: settings.seed,
    replications: settings.replications,
    ...(overrides ? { overrides } : {}),
    policies: [],
  };
}
