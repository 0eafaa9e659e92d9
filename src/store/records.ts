import type { Results } from "../model/results.ts";
import type { ParameterInfo, Scenario } from "../params/types.ts";

/**
 * What the store keeps of one replication: everything in Results except the daily arrays, which stay in
 * memory (month and fiscal-year rows carry the same totals at a size a store and a report can hold).
 */
export type ReplicationRecord = Omit<Results, "daily">;

/** The resolved scenario as plain JSON: what the store keeps and what reports read (no functions). */
export interface ScenarioRecord extends Omit<Scenario, "params"> {
  /** The parameters' dated values in place of the step-function view. */
  readonly parameters: readonly ParameterInfo[];
}

export type RunStatus = "complete" | "incomplete";

export interface RunMeta {
  readonly runId: number;
  readonly scenario: string;
  readonly scenarioFile: string | null;
  readonly seed: number;
  readonly scale: number;
  readonly replicationsPlanned: number;
  readonly replicationsStored: number;
  readonly workers: number;
  readonly codeVersion: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly status: RunStatus;
}

export interface StoredRun {
  readonly meta: RunMeta;
  readonly scenario: ScenarioRecord;
  /** Sorted by replication index. */
  readonly replications: readonly ReplicationRecord[];
}

export function toReplicationRecord(results: Results): ReplicationRecord {
  const { daily: _daily, ...rest } = results;
  return rest;
}

export function toScenarioRecord(scenario: Scenario): ScenarioRecord {
  return {
    name: scenario.name,
    description: scenario.description,
    ...(scenario.file === undefined ? {} : { file: scenario.file }),
    start: scenario.start,
    startEpochDay: scenario.startEpochDay,
    horizonDays: scenario.horizonDays,
    scale: scenario.scale,
    seed: scenario.seed,
    replications: scenario.replications,
    target: scenario.target,
    accounting: scenario.accounting,
    policies: scenario.policies,
    // JSON round trip drops anything that is not data (the loader may attach helpers).
    parameters: JSON.parse(JSON.stringify(scenario.params.all())) as ParameterInfo[],
    ...(scenario.study === undefined ? {} : { study: scenario.study }),
    sourceText: scenario.sourceText,
  };
}
