/**
 * Step functions over simulation days, and the `ResolvedParameters` view the model reads. Built from
 * `ParameterInfo` records (what the loader produces, after a scenario's overrides are applied).
 */
import {
  type BreakdownKey,
  type BreakdownPath,
  CATALOG,
  KEY_SETS,
  type ParameterPath,
  type ScalarPath,
} from "./catalog.ts";
import type { ParameterInfo, ResolvedParameters, StepBreakdown, StepFunction } from "./types.ts";

/** Index of the last breakpoint at or before `day`; 0 when `day` precedes them all. */
function stepIndex(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  if (hi <= 0 || day < days[1]!) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Step functions and the parameter view are classes rather than closures: a replication resolves its own
 * parameters, and optimised code that inlined one replication's closures would be thrown away when they
 * are collected, to be compiled again in the next replication. Methods on a prototype are shared.
 */
class Step implements StepFunction {
  constructor(
    readonly days: readonly number[],
    readonly values: readonly number[],
  ) {}

  at(day: number): number {
    return this.values[stepIndex(this.days, day)]!;
  }
}

class StepTable<K extends string> implements StepBreakdown<K> {
  constructor(
    readonly keys: readonly K[],
    readonly days: readonly number[],
    readonly values: readonly Readonly<Record<K, number>>[],
  ) {}

  at(day: number): Readonly<Record<K, number>> {
    return this.values[stepIndex(this.days, day)]!;
  }
}

export function stepFunction(days: readonly number[], values: readonly number[]): StepFunction {
  if (days.length === 0 || days.length !== values.length) {
    throw new Error("a step function needs as many values as days, and at least one");
  }
  for (let i = 1; i < days.length; i++) {
    if (!(days[i]! > days[i - 1]!)) throw new Error("step function days must be strictly ascending");
  }
  return new Step(days, values);
}

export function stepBreakdown<K extends string>(
  keys: readonly K[],
  days: readonly number[],
  values: readonly Readonly<Record<K, number>>[],
): StepBreakdown<K> {
  if (days.length === 0 || days.length !== values.length) {
    throw new Error("a step breakdown needs as many tables as days, and at least one");
  }
  return new StepTable(keys, days, values);
}

/**
 * A `ResolvedParameters` over parameter records whose dated values carry days relative to the scenario's
 * start. Step functions are built once per path, on first use.
 */
export function resolvedParameters(infos: readonly ParameterInfo[]): ResolvedParameters {
  return new Resolved(infos);
}

class Resolved implements ResolvedParameters {
  private readonly byPath = new Map<ParameterPath, ParameterInfo>();
  private readonly scalars = new Map<ParameterPath, StepFunction>();
  private readonly breakdowns = new Map<ParameterPath, StepBreakdown<string>>();

  constructor(infos: readonly ParameterInfo[]) {
    for (const info of infos) this.byPath.set(info.path, info);
  }

  info(path: ParameterPath): ParameterInfo {
    const found = this.byPath.get(path);
    if (!found) throw new Error(`parameter ${path} was not loaded`);
    return found;
  }

  all(): readonly ParameterInfo[] {
    return [...this.byPath.values()];
  }

  scalar(path: ScalarPath): StepFunction {
    let fn = this.scalars.get(path);
    if (!fn) {
      const p = this.info(path);
      fn = stepFunction(
        p.values.map((v) => v.day),
        p.values.map((v) => {
          if (typeof v.value !== "number") throw new Error(`parameter ${path} is not a scalar`);
          return v.value;
        }),
      );
      this.scalars.set(path, fn);
    }
    return fn;
  }

  breakdown<P extends BreakdownPath>(path: P): StepBreakdown<BreakdownKey<P>> {
    let fn = this.breakdowns.get(path);
    if (!fn) {
      const p = this.info(path);
      const entry = CATALOG[path];
      if (entry.kind !== "breakdown") throw new Error(`parameter ${path} is not a breakdown`);
      const keys = KEY_SETS[entry.keys] as readonly string[] as readonly BreakdownKey<P>[];
      fn = stepBreakdown(
        keys,
        p.values.map((v) => v.day),
        p.values.map((v) => {
          if (typeof v.value === "number") throw new Error(`parameter ${path} is not a breakdown`);
          return v.value as Readonly<Record<BreakdownKey<P>, number>>;
        }),
      );
      this.breakdowns.set(path, fn as StepBreakdown<string>);
    }
    return fn as unknown as StepBreakdown<BreakdownKey<P>>;
  }
}
