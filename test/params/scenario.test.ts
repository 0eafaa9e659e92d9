import { readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadParameterTree,
  loadScenarioFile,
  type ParameterTree,
  POLICY_TYPES,
  parseScenarioText,
  SCENARIO_DEFAULTS,
  scenarioFromObject,
  ValidationError,
} from "../../src/params/index.ts";
import { parseIsoDay } from "../../src/util/dates.ts";
import { writeSyntheticTree } from "./support/synthetic-tree.ts";

const EXAMPLE = "scenarios/example.yaml";
let treeDir: string;
let tree: ParameterTree;
beforeAll(() => {
  treeDir = writeSyntheticTree();
  tree = loadParameterTree(treeDir);
});
afterAll(() => rmSync(dirname(treeDir), { recursive: true, force: true }));

describe("scenarios/example.yaml", () => {
  it("resolves, with one event of every policy type, sorted by day then file order", () => {
    const s = loadScenarioFile(EXAMPLE, { parametersDir: treeDir });
    expect(new Set(s.policies.map((p) => p.type))).toEqual(new Set(POLICY_TYPES));
    for (let i = 1; i < s.policies.length; i++) {
      expect(s.policies[i]!.day).toBeGreaterThanOrEqual(s.policies[i - 1]!.day);
    }
    const sameDay = s.policies.filter((p) => p.day === 0).map((p) => p.type);
    expect(sameDay).toEqual([
      "border_inflow",
      "border_dispositions",
      "arrest_priorities",
      "detention_policy",
      "budget_policy",
    ]);
    for (const p of s.policies) expect(p.day).toBe(parseIsoDay(p.date)! - s.startEpochDay);
  });

  it("keeps the frame, the text and turns snake_case fields into the typed events", () => {
    const s = loadScenarioFile(EXAMPLE, { parametersDir: treeDir });
    expect(s).toMatchObject({ name: "example", start: "2025-01-20", scale: 0.01, seed: 1, replications: 20 });
    expect(s.horizonDays).toBe(parseIsoDay("2035-01-20")! - parseIsoDay("2025-01-20")!);
    expect(s.target.removals).toBe(20_000_000);
    expect(s.sourceText).toBe(readFileSync(EXAMPLE, "utf8"));
    const er = s.policies.find((p) => p.type === "expedited_removal_window");
    expect(er).toMatchObject({
      presenceDays: 730,
      nationwide: true,
      injunction: { probability: 0.5, startsAfterDays: 220, lastsDays: 300 },
    });
    const parole = s.policies.find((p) => p.type === "protection_end" && p.group === "parole_chnv");
    expect(parole).toMatchObject({
      noticeDays: 30,
      share: 1,
      injunction: { startsAfterDays: 0, lastsDays: 45 },
    });
    const third = s.policies.find((p) => p.type === "third_country_agreement");
    expect(third).toMatchObject({
      quotaPerYear: 1000,
      endsDay: parseIsoDay("2027-03-01")! - s.startEpochDay,
    });
    const money = s.policies.find((p) => p.type === "appropriation");
    expect(money).toMatchObject({ byFiscalYear: { FY2026: 2e10, FY2027: 2e10 }, source: "reconciliation" });
  });

  it("fills sanction multipliers left out from the parameter tree at the event's day", () => {
    const s = loadScenarioFile(EXAMPLE, { parametersDir: treeDir });
    const sanctions = s.policies.find((p) => p.type === "sanctions");
    const day = sanctions!.day;
    expect(sanctions).toMatchObject({
      refusalMultiplier: 0.5,
      delayMultiplier: s.params.scalar("removal.sanction_delay_multiplier").at(day),
    });
  });

  it("applies overrides on top of the tree: the new date is added, the tree's dates stay", () => {
    const s = loadScenarioFile(EXAMPLE, { parametersDir: treeDir });
    const judges = s.params.scalar("courts.completions_per_judge_year");
    expect(judges.days).toEqual(
      ["2015-10-01", "2020-10-01", "2025-10-01"].map((d) => parseIsoDay(d)! - s.startEpochDay),
    );
    expect(judges.at(0)).toBe(10);
    expect(judges.at(parseIsoDay("2025-10-01")! - s.startEpochDay)).toBe(900);
    const info = s.params.info("courts.completions_per_judge_year");
    expect(info.values.at(-1)!.provenance).toMatchObject({ assumption: true, origin: "override" });
    expect(info.values[0]!.provenance.origin).toBe("parameters");
    const beds = s.params.breakdown("detention.cost_per_bed_day");
    expect(beds.at(5000).military_base).toBe(180);
  });

  it("is frozen", () => {
    const s = loadScenarioFile(EXAMPLE, { parametersDir: treeDir });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.policies)).toBe(true);
    expect(Object.isFrozen(s.policies[0])).toBe(true);
    expect(Object.isFrozen(s.accounting)).toBe(true);
  });

  it("takes scale, seed, replications and horizon from the options over the file", () => {
    const s = loadScenarioFile(EXAMPLE, {
      parametersDir: treeDir,
      scale: 0.001,
      seed: 7,
      replications: 2,
      horizonDays: 3000,
    });
    expect(s).toMatchObject({ scale: 0.001, seed: 7, replications: 2, horizonDays: 3000 });
  });
});

describe("defaults and objects built in code", () => {
  it("applies documented defaults for optional fields", () => {
    const s = parseScenarioText("name: d\nstart: 2025-01-01\nhorizon: { days: 365 }\n", "d.yaml", tree);
    expect(s).toMatchObject({
      description: SCENARIO_DEFAULTS.description,
      scale: SCENARIO_DEFAULTS.scale,
      seed: SCENARIO_DEFAULTS.seed,
      replications: SCENARIO_DEFAULTS.replications,
      accounting: SCENARIO_DEFAULTS.accounting,
      target: { removals: null },
      horizonDays: 365,
      policies: [],
    });
    expect(s.file).toBe("d.yaml");
  });

  it("builds a scenario from an object with the same checks", () => {
    const s = scenarioFromObject(
      {
        name: "inline",
        start: new Date(Date.UTC(2025, 0, 1)),
        horizon: { years: 1 },
        policies: [{ on: "2025-02-01", type: "cooperation", share: 0.4, assumption: true, reason: "Test." }],
      },
      tree,
    );
    expect(s.start).toBe("2025-01-01");
    expect(s.policies[0]).toMatchObject({ type: "cooperation", share: 0.4, day: 31 });
    expect(s.file).toBeUndefined();
    expect(() =>
      scenarioFromObject({ name: "x", start: "2025-01-01", horizon: { years: 1 }, sead: 1 }, tree),
    ).toThrow(/sead: unknown field; did you mean "seed"\?/);
    expect(() => scenarioFromObject([1, 2], tree)).toThrow(ValidationError);
  });

  it("warns, without failing, about an event after the horizon", () => {
    const text =
      "name: w\nstart: 2025-01-01\nhorizon: { days: 10 }\npolicies:\n" +
      "  - { on: 2025-03-01, type: cooperation, share: 0.5, assumption: true, reason: Test. }\n";
    expect(parseScenarioText(text, "w.yaml", tree).policies).toHaveLength(1);
  });
});
