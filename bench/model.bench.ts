/**
 * Full-scale benchmark of the agent model (design.md section 5): one replication of the default scenario
 * (`plan-2025`, every lever of the plan at its dated value) on a population of 20 million people
 * (`population.unauthorized_total` overridden; the other starting counts stay as cited), 10 simulated
 * years, scale 1.0; beside it the plain-JavaScript M/M/c reference (10M customers) on the same machine in
 * the same run. BENCH_SCENARIO=synthetic runs instead the synthetic scenario that has one event of every
 * policy type and many more stage changes per person (a denser event load). Prints progress to stderr and,
 * as its last line, one JSON object with the figures (the required ones first, then CPU-time figures,
 * which are steadier than wall time on a shared machine). BENCH_PERSONS and BENCH_YEARS shrink the run
 * for a quick look. Setting GLIBC_TUNABLES=glibc.malloc.hugetlb=1 measures with transparent huge pages
 * (docs/model.md: they no longer pay for this workload).
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { runModel } from "../src/model/index.ts";
import { everyPolicy, syntheticScenario } from "../src/model/synthetic-scenario.ts";
import { parseScenarioText } from "../src/params/scenario.ts";
import { readParameterTree } from "../src/params/tree.ts";
import type { Scenario } from "../src/params/types.ts";
import { DEFAULT_SCENARIO } from "../src/run/defaults.ts";
import { runReferenceMMc } from "./reference-mmc.ts";

const persons = Number(process.env.BENCH_PERSONS ?? 20_000_000);
const years = Number(process.env.BENCH_YEARS ?? 10);
const simDays = Math.round(years * 365);

const which = process.env.BENCH_SCENARIO ?? "plan-2025";

/** The default scenario at scale 1.0 with its starting population set to `persons`. */
function defaultScenarioAt(persons: number): Scenario {
  const doc = parseDocument(readFileSync(DEFAULT_SCENARIO, "utf8"));
  const start = String(doc.get("start"));
  doc.setIn(["overrides", "population.unauthorized_total"], {
    [start]: {
      value: persons,
      assumption: true,
      reason: "benchmark: the plan's scenario on a population of this size",
    },
  });
  const { tree } = readParameterTree();
  return parseScenarioText(doc.toString(), DEFAULT_SCENARIO, tree, {
    scale: 1,
    horizonDays: simDays,
    seed: 1,
  });
}

const scenario =
  which === "synthetic"
    ? syntheticScenario({
        name: "bench-every-stage",
        persons,
        horizonDays: simDays,
        scale: 1,
        seed: 1,
        policies: everyPolicy(persons),
      })
    : defaultScenarioAt(persons);

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1e6;
}
const maxRss = () => process.resourceUsage().maxRSS * 1024;
global.gc?.();
const rssBefore = maxRss();
const cpuModel = process.cpuUsage();
const usageBefore = process.resourceUsage();
const results = runModel(scenario, {
  onProgress: (day, horizon, events) => {
    if (day % 365 < 30) process.stderr.write(`model: day ${day}/${horizon}, ${events} events\n`);
  },
});
const rssGrowth = maxRss() - rssBefore;
const modelCpu = cpuSeconds(process.cpuUsage(cpuModel));
const usageAfter = process.resourceUsage();
const { wallSeconds, events } = results.timing;
if (!results.checks.conservation || !results.checks.capacity || !results.checks.costIdentity) {
  process.stderr.write(`checks failed: ${results.checks.messages.join("; ")}\n`);
  process.exitCode = 1;
}
process.stderr.write(
  `model: ${results.timing.agents} agents, ${events} events in ${wallSeconds.toFixed(2)} s; removals ${Math.round(results.kpis.removalsTotal)}\n`,
);

const cpuReference = process.cpuUsage();
const reference = runReferenceMMc({ lambda: 9.5, mu: 1, servers: 10, customers: 10_000_000, seed: 1 });
const referenceCpu = cpuSeconds(process.cpuUsage(cpuReference));
process.stderr.write(
  `reference M/M/c: ${reference.events} events in ${reference.wallSeconds.toFixed(2)} s (${Math.round(reference.eventsPerSecond)} events/s)\n`,
);

const eventsPerSecond = events / wallSeconds;
console.log(
  JSON.stringify({
    persons,
    simDays,
    events,
    wallSeconds,
    eventsPerSecond,
    referenceEventsPerSecond: reference.eventsPerSecond,
    ratioToReference: eventsPerSecond / reference.eventsPerSecond,
    normalizedWall: (wallSeconds * reference.eventsPerSecond) / 1e8,
    rssBytes: rssGrowth,
    bytesPerPerson: rssGrowth / persons,
    scenario: which === "synthetic" ? "synthetic every-stage" : DEFAULT_SCENARIO,
    // CPU seconds of each part: on a shared machine wall time includes waiting for a core.
    modelCpuSeconds: modelCpu,
    referenceCpuSeconds: referenceCpu,
    ratioToReferenceCpu: events / modelCpu / (reference.events / referenceCpu),
    // Kernel time and first-touch page faults of the model's run: on this VM a page fault's cost was
    // measured between about 2 and 14 µs (docs/model.md), so these show whether a slow run was spent there.
    modelSystemCpuSeconds: (usageAfter.systemCPUTime - usageBefore.systemCPUTime) / 1e6,
    modelMinorPageFaults: usageAfter.minorPageFault - usageBefore.minorPageFault,
    // Whether glibc backed large allocations (the person rows, pools) with transparent huge pages (set by
    // hand with GLIBC_TUNABLES; the npm script no longer does, see docs/model.md).
    mallocHugePages: /glibc\.malloc\.hugetlb=[12]/.test(process.env.GLIBC_TUNABLES ?? ""),
  }),
);
