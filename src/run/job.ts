/**
 * One unit of work: everything a worker needs to produce the Results of one replication, as plain JSON so
 * that any transport (a worker thread here, a queue on another machine later) can carry it.
 */
export interface ScenarioOverrides {
  readonly scale?: number;
  readonly seed?: number;
  readonly replications?: number;
  readonly horizonDays?: number;
}

export interface ReplicationJob {
  /** Where the scenario came from; only named in messages. */
  readonly scenarioFile: string;
  /** The scenario file's text as it was when the run started: what every replication runs. */
  readonly scenarioText: string;
  readonly overrides: ScenarioOverrides;
  readonly replication: number;
  readonly sampleUncertainty: boolean;
  readonly dailyChecks: boolean;
}

/** Slots per replication in the shared progress array: simulated day, horizon, events so far. */
export const PROGRESS_SLOTS = 3;
