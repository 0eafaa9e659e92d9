/**
 * M/M/10 benchmark (λ = 9.5, μ = 1): the engine's public API against the plain heap-of-closures
 * reference, same machine, same process. Prints the 1M-customer figures first; the last stdout line is
 * one JSON object with the 10M-customer figures.
 */
import { BucketCalendar, exponential, RandomStream } from "../src/engine/index.ts";
import { runEngineMMc } from "./engine-mmc.ts";
import { type MMcResult, runReferenceMMc } from "./reference-mmc.ts";

const ERLANG_C_WQ = 1.651171; // queueing-references.md, c = 10, λ = 9.5, μ = 1
const spec = { lambda: 9.5, mu: 1, servers: 10, seed: 1 };
const customersList = (process.env.BENCH_CUSTOMERS ?? "1000000,10000000").split(",").map(Number);

function line(label: string, r: MMcResult): string {
  return `${label.padEnd(10)} events ${r.events}  wall ${r.wallSeconds.toFixed(2)} s  ${(r.eventsPerSecond / 1e6).toFixed(2)} M events/s  mean wait ${r.meanWait.toFixed(4)}`;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

/** Day-bucket calendar in a hold model: 2M pending entities, each popped and rescheduled 1–365 days on. */
function bucketCalendarHold(): void {
  const pending = 2_000_000;
  const operations = 20_000_000;
  const rng = RandomStream.create(1, "bucket hold");
  const cal = new BucketCalendar();
  for (let i = 0; i < pending; i++) cal.schedule(rng.int(365), i % 8, i, rng.int(3));
  const started = process.hrtime.bigint();
  for (let i = 0; i < operations; i++) {
    cal.pop();
    cal.schedule(cal.time + 1 + rng.int(365), cal.type, cal.entity, i % 3);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `BucketCalendar hold: ${((seconds * 1e9) / operations).toFixed(1)} ns per pop+schedule with ${pending} pending, ` +
      `${(cal.byteLength / pending).toFixed(1)} bytes per pending event`,
  );
}

// Warm both up first, so that neither pays for compilation inside its measured run.
runReferenceMMc({ ...spec, customers: 200_000 });
runEngineMMc({ ...spec, customers: 200_000 });

let last: Record<string, number> = {};
for (const customers of customersList) {
  // CPU seconds beside wall seconds: on a shared machine other processes inflate wall time.
  let cpu = process.cpuUsage();
  const reference = runReferenceMMc({ ...spec, customers });
  const referenceCpu = cpuSecondsSince(cpu);
  cpu = process.cpuUsage();
  const engine = runEngineMMc({ ...spec, customers });
  const engineCpu = cpuSecondsSince(cpu);
  const speedup = engine.eventsPerSecond / reference.eventsPerSecond;
  const relErr = Math.abs(engine.meanWait - ERLANG_C_WQ) / ERLANG_C_WQ;
  console.log(`M/M/10, ${customers} customers`);
  console.log(line("reference", reference));
  console.log(line("engine", engine));
  console.log(
    `CPU seconds: reference ${referenceCpu.toFixed(2)}, engine ${engineCpu.toFixed(2)} (ratio ${(referenceCpu / engineCpu).toFixed(2)}x)`,
  );
  console.log(`speedup ${speedup.toFixed(2)}x  relErr ${relErr.toFixed(4)} (Erlang C Wq ${ERLANG_C_WQ})`);
  if (customers === customersList[0]) {
    // The same comparison with the reference drawing ziggurat exponentials too: event machinery alone.
    const sameDraws = runReferenceMMc({ ...spec, customers, exponential });
    const machinery = engine.eventsPerSecond / sameDraws.eventsPerSecond;
    console.log(line("ref+zigg", sameDraws));
    console.log(`speedup of the event machinery alone ${machinery.toFixed(2)}x`);
    bucketCalendarHold();
  }
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
