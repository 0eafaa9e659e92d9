/**
 * The agent-level removal pipeline model: `runModel(scenario, options)` runs one replication and returns
 * its Results at full scale. No I/O; deterministic for (seed, replication).
 */
import type { Scenario } from "../params/types.ts";
import { assembleResults } from "./assemble.ts";
import { RandomStream } from "./engine.ts";
import { MAX_DAY } from "./persons.ts";
import type { Results } from "./results.ts";
import { simulate } from "./simulate.ts";
import { perturbedParameters } from "./uncertainty.ts";

export interface RunOptions {
  /** Default 0; streams derive from (seed, replication, stream name). */
  replication?: number;
  /** Default scenario.seed. */
  seed?: number;
  /** Draw parameter multipliers from each parameter's `uncertainty` (default: scenario.replications > 1). */
  sampleUncertainty?: boolean;
  /** Called about every 30 simulated days. */
  onProgress?: (day: number, horizonDays: number, events: number) => void;
  /** Conservation and capacity checks every day (default true; counters, not per-person loops). */
  dailyChecks?: boolean;
  /**
   * Coefficient of variation of timed delays (processing, travel documents, appeals, parole, re-entry):
   * lognormal around the parameter's mean. 0 makes every delay exactly its parameter (hand-checkable
   * runs). Default 0.5.
   */
  delayCv?: number;
}

export const DEFAULT_DELAY_CV = 0.5;

export function runModel(scenario: Scenario, options: RunOptions = {}): Results {
  if (!(scenario.horizonDays >= 1 && scenario.horizonDays <= MAX_DAY)) {
    throw new Error(
      `scenario ${scenario.file ?? scenario.name}: horizon of ${scenario.horizonDays} days; the model runs 1 to ${MAX_DAY} days (set a shorter horizon)`,
    );
  }
  if (!(scenario.scale > 0 && scenario.scale <= 1)) {
    throw new Error(
      `scenario ${scenario.file ?? scenario.name}: scale ${scenario.scale}; use a scale above 0 and at most 1`,
    );
  }
  const started = performance.now();
  const replication = options.replication ?? 0;
  const seed = options.seed ?? scenario.seed;
  const root = RandomStream.create(seed, `replication-${replication}`);
  const sample = options.sampleUncertainty ?? scenario.replications > 1;
  const params = sample ? perturbedParameters(scenario.params, root.child("uncertainty")) : scenario.params;
  const out = simulate(scenario, params, root.child("model"), {
    onProgress: options.onProgress,
    dailyChecks: options.dailyChecks ?? true,
    delayCv: options.delayCv ?? DEFAULT_DELAY_CV,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  return assembleResults(scenario, seed, replication, out, wallSeconds);
}

export type { Results } from "./results.ts";
