import type { RunAggregate } from "../run/aggregate.ts";

export interface RunTiming {
  readonly wallSeconds: number;
  readonly rssBytes: number;
}

/** The `--json` document of `immsim run` (design.md section 7), exactly these keys. */
export interface RunDocument {
  readonly scenario: string;
  readonly seed: number;
  readonly scale: number;
  readonly replications: number;
  readonly kpis: RunAggregate["kpis"];
  readonly intervals: RunAggregate["intervals"];
  readonly checks: {
    readonly conservation: boolean;
    readonly capacity: boolean;
    readonly costIdentity: boolean;
  };
  readonly timing: {
    readonly wallSeconds: number;
    readonly events: number;
    readonly eventsPerSecond: number;
    readonly persons: number;
    readonly rssBytes: number;
  };
}

export function runDocument(agg: RunAggregate, timing: RunTiming): RunDocument {
  return {
    scenario: agg.scenario,
    seed: agg.seed,
    scale: agg.scale,
    replications: agg.replications,
    kpis: agg.kpis,
    intervals: agg.intervals,
    checks: {
      conservation: agg.checks.conservation,
      capacity: agg.checks.capacity,
      costIdentity: agg.checks.costIdentity,
    },
    timing: {
      wallSeconds: timing.wallSeconds,
      events: agg.events,
      eventsPerSecond: timing.wallSeconds > 0 ? agg.events / timing.wallSeconds : 0,
      persons: agg.persons,
      rssBytes: timing.rssBytes,
    },
  };
}
