import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import { loadScenarioFile } from "../../src/params/scenario.ts";
import { fromPortable, toPortable } from "../../src/run/portable-scenario.ts";

describe("portable scenario", () => {
  it("gives workers the same scenario the loader built, through a structured clone", () => {
    const loaded = loadScenarioFile("scenarios/plan-2025.yaml", { scale: 0.0005, horizonDays: 200 });
    const rebuilt = fromPortable(structuredClone(toPortable(loaded)));
    expect(rebuilt.params.all()).toEqual(loaded.params.all());
    expect(rebuilt.policies).toEqual(loaded.policies);
    const options = { replication: 3, sampleUncertainty: true };
    const a = runModel(loaded, options);
    const b = runModel(rebuilt, options);
    expect(b.kpis).toEqual(a.kpis);
    expect(b.monthly).toEqual(a.monthly);
    expect(b.costs).toEqual(a.costs);
  });
});
