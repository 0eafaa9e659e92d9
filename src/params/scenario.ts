/**
 * Scenario files: parse, check and resolve into a frozen `Scenario` (days relative to the start, overrides
 * applied to the parameter tree, policies sorted by day then file order).
 */
import { stringify } from "yaml";
import { addYears, parseIsoDay } from "../util/dates.ts";
import { BORDER_DISPOSITIONS, CATALOG, type ParameterPath } from "./catalog.ts";
import { Collector } from "./collector.ts";
import { checkDatedValues, type DatedEntry, SHARE_TOLERANCE } from "./dated-values.ts";
import { hasErrors, ValidationError, type ValidationIssue } from "./issues.ts";
import type { ParameterTree } from "./parameter-file.ts";
import { type PolicyInput, toPolicyEvent } from "./policies.ts";
import { resolvedParameters } from "./resolved.ts";
import { SCENARIO_DEFAULTS, type ScenarioInput, scenarioFileSchema } from "./scenario-schema.ts";
import { parseYaml, plainFromValue, readText, type Source } from "./source.ts";
import { readParameterTree } from "./tree.ts";
import type { ParameterInfo, PolicyEvent, ResolvedParameters, Scenario } from "./types.ts";
import { parseWith } from "./zod-issues.ts";

/** Values that replace the file's (command-line flags). */
export interface ScenarioLoadOptions {
  parametersDir?: string;
  scale?: number;
  seed?: number;
  replications?: number;
  horizonDays?: number;
}

export const SCENARIO_FILE_SHAPE = "a mapping of scenario fields (name, start, horizon, ...)";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

interface Frame {
  start?: string;
  startDay?: number;
  horizonDays?: number;
}

function frameOf(data: Obj, out: Collector, options: ScenarioLoadOptions): Frame {
  const frame: Frame = {};
  if (typeof data.start === "string" && /^\d{4}-\d{2}-\d{2}$/.test(data.start)) {
    const day = parseIsoDay(data.start);
    if (day === null) out.expected(["start"], "a real calendar date (YYYY-MM-DD)", data.start);
    else {
      frame.startDay = day;
      frame.start = data.start;
    }
  }
  if (frame.startDay !== undefined) {
    const h = data.horizon;
    if (options.horizonDays !== undefined) frame.horizonDays = options.horizonDays;
    else if (isObj(h) && Number.isInteger(h.days) && (h.days as number) >= 1)
      frame.horizonDays = h.days as number;
    else if (isObj(h) && Number.isInteger(h.years) && (h.years as number) >= 1) {
      frame.horizonDays = addYears(frame.startDay, h.years as number) - frame.startDay;
    }
  }
  return frame;
}

/** Checks of one policy that need other fields, the start date or the horizon. */
function checkPolicy(p: Obj, i: number, frame: Frame, out: Collector): void {
  const at = ["policies", i];
  const on = typeof p.on === "string" ? p.on : undefined;
  const day = on !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(on) ? parseIsoDay(on) : undefined;
  if (day === null) out.expected([...at, "on"], "a real calendar date (YYYY-MM-DD)", on);
  if (typeof day === "number" && frame.startDay !== undefined) {
    if (day < frame.startDay) {
      out.error(
        [...at, "on"],
        `${on} is before the scenario's start (${frame.start})`,
        "the state at the start comes from the parameters; move the event to the start date or later",
      );
    } else if (frame.horizonDays !== undefined && day - frame.startDay >= frame.horizonDays) {
      out.warn(
        [...at, "on"],
        `dated after the end of the horizon (day ${day - frame.startDay}); it has no effect`,
      );
    }
  }
  if (typeof p.ends === "string" && /^\d{4}-\d{2}-\d{2}$/.test(p.ends)) {
    const ends = parseIsoDay(p.ends);
    if (ends === null) out.expected([...at, "ends"], "a real calendar date (YYYY-MM-DD)", p.ends);
    else if (typeof day === "number" && ends <= day)
      out.error([...at, "ends"], `ends (${p.ends}) is not after on (${on})`);
  }
  switch (p.type) {
    case "protection_end":
      if (p.nationalities !== undefined && p.group !== "tps") {
        out.error(
          [...at, "nationalities"],
          `only TPS ends by nationality; group is "${String(p.group)}"`,
          "remove it",
        );
      }
      break;
    case "border_dispositions":
      if (isObj(p.shares) && BORDER_DISPOSITIONS.every((k) => typeof (p.shares as Obj)[k] === "number")) {
        const sum = BORDER_DISPOSITIONS.reduce((s, k) => s + ((p.shares as Obj)[k] as number), 0);
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
          out.error([...at, "shares"], `shares add up to ${Number(sum.toPrecision(10))}, expected 1`);
        }
      }
      break;
    case "arrest_priorities":
      if (Array.isArray(p.order) && new Set(p.order).size !== p.order.length) {
        out.error([...at, "order"], "a group is listed more than once", "list each group once");
      }
      break;
    case "transport_capacity":
      if (p.charters_seats_per_day === undefined && p.land_per_day === undefined) {
        out.error(at, "nothing to change", "give charters_seats_per_day, land_per_day or both");
      }
      break;
    case "country_cooperation":
      if (p.refusal_share === undefined && p.travel_document_days === undefined) {
        out.error(at, "nothing to change", "give refusal_share, travel_document_days or both");
      }
      break;
  }
}

function checkOptions(options: ScenarioLoadOptions, out: Collector): void {
  const { scale, seed, replications, horizonDays } = options;
  const bad = (flag: string, what: string, v: number) =>
    out.addIssues([
      {
        file: "command line",
        line: 0,
        column: 0,
        path: flag,
        message: `expected ${what}, got ${v}`,
        severity: "error",
      },
    ]);
  if (scale !== undefined && !(scale > 0 && scale <= 1)) bad("--scale", "a number with 0 < scale ≤ 1", scale);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) bad("--seed", "a whole number ≥ 0", seed);
  if (replications !== undefined && !(Number.isInteger(replications) && replications >= 1)) {
    bad("--replications", "a whole number ≥ 1", replications);
  }
  if (horizonDays !== undefined && !(Number.isInteger(horizonDays) && horizonDays >= 1)) {
    bad("--horizon-days", "a whole number ≥ 1", horizonDays);
  }
}

/** Tree values with the scenario's overrides on top: same date replaced, new dates added. */
function mergeOverrides(base: readonly DatedEntry[], extra: readonly DatedEntry[] | undefined): DatedEntry[] {
  if (!extra) return [...base];
  const byDate = new Map(base.map((v) => [v.date, v]));
  for (const v of extra) byDate.set(v.date, v);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function buildParameters(
  tree: ParameterTree,
  overrides: ReadonlyMap<ParameterPath, DatedEntry[]>,
  startDay: number,
): ResolvedParameters {
  const infos: ParameterInfo[] = [];
  for (const p of tree.parameters.values()) {
    const values = mergeOverrides(p.values, overrides.get(p.path)).map((v) =>
      Object.freeze({ ...v, day: parseIsoDay(v.date)! - startDay }),
    );
    infos.push(Object.freeze({ ...p, values: Object.freeze(values) }));
  }
  return Object.freeze(resolvedParameters(infos));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function resolve(
  input: ScenarioInput,
  overrides: ReadonlyMap<ParameterPath, DatedEntry[]>,
  frame: { startDay: number; horizonDays: number },
  tree: ParameterTree,
  source: Source,
  options: ScenarioLoadOptions,
): Scenario {
  const params = buildParameters(tree, overrides, frame.startDay);
  const dayOf = (iso: string) => parseIsoDay(iso)! - frame.startDay;
  const multiplierAt = (
    path: "removal.sanction_refusal_multiplier" | "removal.sanction_delay_multiplier",
    day: number,
  ) => (tree.parameters.has(path) ? params.scalar(path).at(day) : 1);
  const policies: PolicyEvent[] = input.policies
    .map((p: PolicyInput, order) => ({
      order,
      event: toPolicyEvent(p, dayOf, {
        refusalMultiplier: multiplierAt("removal.sanction_refusal_multiplier", dayOf(p.on)),
        delayMultiplier: multiplierAt("removal.sanction_delay_multiplier", dayOf(p.on)),
      }),
    }))
    .sort((a, b) => a.event.day - b.event.day || a.order - b.order)
    .map((x) => x.event);
  const accounting = input.accounting ?? SCENARIO_DEFAULTS.accounting;
  const scenario: Scenario = {
    name: input.name.trim(),
    description: input.description.trim(),
    ...(source.file.startsWith("<") ? {} : { file: source.file }),
    start: input.start,
    startEpochDay: frame.startDay,
    horizonDays: frame.horizonDays,
    scale: options.scale ?? input.scale,
    seed: options.seed ?? input.seed,
    replications: options.replications ?? input.replications,
    target: { removals: input.target?.removals ?? null },
    accounting: { detention: accounting.detention, courts: accounting.courts },
    params,
    policies: deepFreeze(policies),
    ...(input.study ? { study: deepFreeze(input.study) } : {}),
    sourceText: source.text,
  };
  deepFreeze(scenario.target);
  deepFreeze(scenario.accounting);
  return Object.freeze(scenario);
}

/** Checks a parsed scenario source against a (possibly partial) tree; the scenario when there is no error. */
export function checkScenarioSource(
  source: Source,
  tree: ParameterTree,
  options: ScenarioLoadOptions = {},
): { scenario?: Scenario; issues: ValidationIssue[] } {
  const out = new Collector(source);
  checkOptions(options, out);
  const input = parseWith(scenarioFileSchema, source.data, out);
  const data = source.data;
  if (!isObj(data)) return { issues: out.issues };
  const frame = frameOf(data, out, options);
  const overrides = new Map<ParameterPath, DatedEntry[]>();
  if (isObj(data.overrides)) {
    for (const [path, values] of Object.entries(data.overrides)) {
      if (!(path in CATALOG)) continue; // reported by the schema, with a "did you mean"
      const entries = checkDatedValues(
        values,
        ["overrides", path],
        CATALOG[path as ParameterPath],
        out,
        "override",
      );
      if (entries) overrides.set(path as ParameterPath, entries);
    }
  }
  if (Array.isArray(data.policies)) {
    data.policies.forEach((p, i) => {
      if (isObj(p)) checkPolicy(p, i, frame, out);
    });
  }
  if (hasErrors(out.issues) || !input || frame.startDay === undefined || frame.horizonDays === undefined) {
    return { issues: out.issues };
  }
  const full = { startDay: frame.startDay, horizonDays: frame.horizonDays };
  return { scenario: resolve(input, overrides, full, tree, source, options), issues: out.issues };
}

function orThrow(result: { scenario?: Scenario; issues: ValidationIssue[] }): Scenario {
  if (!result.scenario || hasErrors(result.issues)) throw new ValidationError(result.issues);
  return result.scenario;
}

/** A scenario from YAML text; throws a ValidationError listing every issue. */
export function parseScenarioText(
  text: string,
  file: string,
  tree: ParameterTree,
  options: ScenarioLoadOptions = {},
): Scenario {
  const { source, issues } = parseYaml(text, file, SCENARIO_FILE_SHAPE);
  if (issues.length > 0) throw new ValidationError(issues);
  return orThrow(checkScenarioSource(source, tree, options));
}

/** A scenario from a JavaScript object shaped like a scenario file (snake_case), with the same checks. */
export function scenarioFromObject(
  obj: unknown,
  tree: ParameterTree,
  file = "<inline>",
  options: ScenarioLoadOptions = {},
): Scenario {
  const data = plainFromValue(obj);
  if (data === undefined) {
    throw new ValidationError([
      {
        file,
        line: 0,
        column: 0,
        path: "",
        message: "nested too deeply to be a scenario",
        severity: "error",
      },
    ]);
  }
  if (!isObj(data)) {
    const found = Array.isArray(data) ? "a list" : data === null ? "nothing" : JSON.stringify(data);
    throw new ValidationError([
      {
        file,
        line: 0,
        column: 0,
        path: "",
        message: `expected ${SCENARIO_FILE_SHAPE}, got ${found}`,
        severity: "error",
      },
    ]);
  }
  const source: Source = { file, text: stringify(data), data };
  return orThrow(checkScenarioSource(source, tree, options));
}

/** Reads a scenario file and the parameter tree; throws a ValidationError with every issue of both. */
export function loadScenarioFile(file: string, options: ScenarioLoadOptions = {}): Scenario {
  const { text, issues } = readText(file);
  if (text === undefined) throw new ValidationError(issues);
  const { tree, issues: treeIssues } = readParameterTree(options.parametersDir);
  const { source, issues: yamlIssues } = parseYaml(text, file, SCENARIO_FILE_SHAPE);
  if (yamlIssues.length > 0) throw new ValidationError([...yamlIssues, ...treeIssues]);
  const result = checkScenarioSource(source, tree, options);
  if (hasErrors(treeIssues)) throw new ValidationError([...result.issues, ...treeIssues]);
  return orThrow(result);
}
