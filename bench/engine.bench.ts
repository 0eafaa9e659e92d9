/**
 * M/M/10 benchmark (λ = 9.5, μ = 1): the engine's public API against the plain heap-of-closures
 * reference, same machine, same process. Prints the 1M-customer figures first; the last stdout line is
 * one JSON object with the 10M-customer figures.
 */
import { runEngineMMc } from "./engine-mmc.ts";
import { type MMcResult, runReferenceMMc } from "./reference-mmc.ts";

const ERLANG_C_WQ = 1.651171; // queueing-references.md, c = 10, λ = 9.5, μ = 1
const spec = { lambda: 9.5, mu: 1, servers: 10, seed: 1 };
const customersList = (process.env.BENCH_CUSTOMERS ?? "1000000,10000000").split(",").map(Number);

function line(label: string, r: MMcResult): string {
  return `${label.padEnd(10)} events ${r.events}  wall ${r.wallSeconds.toFixed(2)} s  ${(r.eventsPerSecond / 1e6).toFixed(2)} M events/s  mean wait ${r.meanWait.toFixed(4)}`;
}

let last: Record<string, number> = {};
for (const customers of customersList) {
  const reference = runReferenceMMc({ ...spec, customers });
  const engine = runEngineMMc({ ...spec, customers });
  const speedup = engine.eventsPerSecond / reference.eventsPerSecond;
  const relErr = Math.abs(engine.meanWait - ERLANG_C_WQ) / ERLANG_C_WQ;
  console.log(`M/M/10, ${customers} customers`);
  console.log(line("reference", reference));
  console.log(line("engine", engine));
  console.log(`speedup ${speedup.toFixed(2)}x  relErr ${relErr.toFixed(4)} (Erlang C Wq ${ERLANG_C_WQ})`);
  last = {
    customers,
    events: engine.events,
    wallSeconds: Number(engine.wallSeconds.toFixed(3)),
    eventsPerSecond: Math.round(engine.eventsPerSecond),
    referenceEventsPerSecond: Math.round(reference.eventsPerSecond),
    speedup: Number(speedup.toFixed(3)),
    meanWait: Number(engine.meanWait.toFixed(6)),
    erlangC: ERLANG_C_WQ,
    relErr: Number(relErr.toFixed(5)),
  };
}
console.log(JSON.stringify(last));
