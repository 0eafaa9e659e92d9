/**
 * Full-scale benchmark of the agent model (design.md section 5): one replication of a synthetic scenario
 * that exercises every stage and one event of every policy type, 20 million people, 10 simulated years,
 * scale 1.0; beside it the plain-JavaScript M/M/c reference (10M customers) on the same machine in the
 * same run. Prints progress to stderr and, as its last line, one JSON object with the figures.
 */
import { runModel } from "../src/model/index.ts";
import { everyPolicy, syntheticScenario } from "../src/model/synthetic-scenario.ts";
import { runReferenceMMc } from "./reference-mmc.ts";

const persons = Number(process.env.BENCH_PERSONS ?? 20_000_000);
const years = Number(process.env.BENCH_YEARS ?? 10);
const simDays = Math.round(years * 365);

const scenario = syntheticScenario({
  name: "bench-every-stage",
  persons,
  horizonDays: simDays,
  scale: 1,
  seed: 1,
  policies: everyPolicy(persons),
});

const maxRss = () => process.resourceUsage().maxRSS * 1024;
global.gc?.();
const rssBefore = maxRss();
const results = runModel(scenario, {
  onProgress: (day, horizon, events) => {
    if (day % 365 < 30) process.stderr.write(`model: day ${day}/${horizon}, ${events} events\n`);
  },
});
const rssGrowth = maxRss() - rssBefore;
const { wallSeconds, events } = results.timing;
if (!results.checks.conservation || !results.checks.capacity || !results.checks.costIdentity) {
  process.stderr.write(`checks failed: ${results.checks.messages.join("; ")}\n`);
  process.exitCode = 1;
}
process.stderr.write(
  `model: ${results.timing.agents} agents, ${events} events in ${wallSeconds.toFixed(2)} s; removals ${Math.round(results.kpis.removalsTotal)}\n`,
);

const reference = runReferenceMMc({ lambda: 9.5, mu: 1, servers: 10, customers: 10_000_000, seed: 1 });
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
  }),
);
