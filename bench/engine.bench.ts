/**
 * M/M/10 benchmark (λ = 9.5, μ = 1): the engine's public API against the plain heap-of-closures
 * reference on the same machine. Prints the 1M-customer figures first; the last stdout line is one JSON
 * object with the 10M-customer figures.
 *
 * Every measured run happens in a fresh child process (this file with `--child`) after a warm-up of its
 * own (two runs), so that neither side inherits the other's heap, garbage or optimised code: in one shared process
 * each side was measured paying part of the other's garbage collection. Each size runs BENCH_ROUNDS
 * rounds (default 3), reference and engine alternating, and compares the fastest round of each side:
 * on a shared machine other processes only ever add time, so the minimum is the least disturbed
 * figure, and alternating exposes both sides to the same load. Wall and CPU ratios are both printed;
 * CPU time is the steadier of the two when other processes compete for cores.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BucketCalendar, exponential, RandomStream } from "../src/engine/index.ts";
import { runEngineMMc } from "./engine-mmc.ts";
import { type MMcResult, type MMcSpec, runReferenceMMc } from "./reference-mmc.ts";

const ERLANG_C_WQ = 1.651171; // queueing-references.md, c = 10, λ = 9.5, μ = 1
const spec = { lambda: 9.5, mu: 1, servers: 10, seed: 1 };

/** What a child process runs. */
const variants = {
  reference: (s: MMcSpec) => runReferenceMMc(s),
  /** The reference drawing ziggurat exponentials too: compares the event machinery alone. */
  "reference-ziggurat": (s: MMcSpec) => runReferenceMMc({ ...s, exponential }),
  engine: (s: MMcSpec) => runEngineMMc(s),
  /** The engine with the Resource's time-weighted statistics on, which the reference does not keep. */
  "engine-statistics": (s: MMcSpec) => runEngineMMc({ ...s, timeWeighted: true }),
};
type Variant = keyof typeof variants;

interface Timed {
  result: MMcResult;
  cpuSeconds: number;
}

function line(label: string, r: MMcResult): string {
  return `${label.padEnd(10)} events ${r.events}  wall ${r.wallSeconds.toFixed(2)} s  ${(r.eventsPerSecond / 1e6).toFixed(2)} M events/s  mean wait ${r.meanWait.toFixed(4)}`;
}

/** Child: warm up, run once, print the figures as JSON (CPU seconds of the whole process, GC threads included). */
function child(variant: Variant, customers: number): void {
  const run = variants[variant];
  // Twice, so that compilation is not inside the measured run: a new run makes new handler closures, and
  // code optimised for the first run's closures deoptimises once ("wrong call target") and is recompiled.
  run({ ...spec, customers: 200_000 });
  run({ ...spec, customers: 200_000 });
  const cpu = process.cpuUsage();
  const result = run({ ...spec, customers });
  const d = process.cpuUsage(cpu);
  const timed: Timed = { result, cpuSeconds: (d.user + d.system) / 1e6 };
  process.stdout.write(JSON.stringify(timed));
}

function measure(variant: Variant, customers: number): Timed {
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--child", variant, String(customers)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(out) as Timed;
}

function fastest(runs: Timed[], key: (t: Timed) => number): Timed {
  return runs.reduce((best, t) => (key(t) < key(best) ? t : best));
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

function main(): void {
  const customersList = (process.env.BENCH_CUSTOMERS ?? "1000000,10000000").split(",").map(Number);
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  let last: Record<string, number> = {};
  for (const customers of customersList) {
    const references: Timed[] = [];
    const engines: Timed[] = [];
    console.log(
      `M/M/10, ${customers} customers, ${rounds} rounds (reference and engine alternating, one process each)`,
    );
    for (let round = 0; round < rounds; round++) {
      const r = measure("reference", customers);
      const e = measure("engine", customers);
      references.push(r);
      engines.push(e);
      console.log(
        `  round ${round + 1}: wall ${r.result.wallSeconds.toFixed(2)} / ${e.result.wallSeconds.toFixed(2)} s, ` +
          `CPU ${r.cpuSeconds.toFixed(2)} / ${e.cpuSeconds.toFixed(2)} s (reference / engine)`,
      );
    }
    const wall = (t: Timed) => t.result.wallSeconds;
    const cpuOf = (t: Timed) => t.cpuSeconds;
    const reference = fastest(references, wall).result;
    const engine = fastest(engines, wall).result;
    const referenceCpu = fastest(references, cpuOf).cpuSeconds;
    const engineCpu = fastest(engines, cpuOf).cpuSeconds;
    const speedup = engine.eventsPerSecond / reference.eventsPerSecond;
    const cpuSpeedup = referenceCpu / engineCpu;
    const relErr = Math.abs(engine.meanWait - ERLANG_C_WQ) / ERLANG_C_WQ;
    console.log(line("reference", reference));
    console.log(line("engine", engine));
    console.log(
      `CPU seconds (fastest round): reference ${referenceCpu.toFixed(2)}, engine ${engineCpu.toFixed(2)} (ratio ${cpuSpeedup.toFixed(2)}x)`,
    );
    console.log(`speedup ${speedup.toFixed(2)}x  relErr ${relErr.toFixed(4)} (Erlang C Wq ${ERLANG_C_WQ})`);
    if (customers === customersList[0]) {
      const sameDraws = measure("reference-ziggurat", customers);
      console.log(line("ref+zigg", sameDraws.result));
      console.log(
        `speedup of the event machinery alone ${(engine.eventsPerSecond / sameDraws.result.eventsPerSecond).toFixed(2)}x, ` +
          `CPU ratio ${(sameDraws.cpuSeconds / engineCpu).toFixed(2)}x (one round)`,
      );
      const withStats = measure("engine-statistics", customers);
      console.log(line("eng+stats", withStats.result));
      console.log(
        `speedup with the Resource's time-weighted statistics on ${(withStats.result.eventsPerSecond / reference.eventsPerSecond).toFixed(2)}x, ` +
          `CPU ratio ${(referenceCpu / withStats.cpuSeconds).toFixed(2)}x (one round)`,
      );
      bucketCalendarHold();
    }
    last = {
      customers,
      rounds,
      events: engine.events,
      wallSeconds: Number(engine.wallSeconds.toFixed(3)),
      eventsPerSecond: Math.round(engine.eventsPerSecond),
      referenceEventsPerSecond: Math.round(reference.eventsPerSecond),
      speedup: Number(speedup.toFixed(3)),
      engineCpuSeconds: Number(engineCpu.toFixed(3)),
      referenceCpuSeconds: Number(referenceCpu.toFixed(3)),
      cpuSpeedup: Number(cpuSpeedup.toFixed(3)),
      meanWait: Number(engine.meanWait.toFixed(6)),
      erlangC: ERLANG_C_WQ,
      relErr: Number(relErr.toFixed(5)),
    };
  }
  console.log(JSON.stringify(last));
}

if (process.argv[2] === "--child") {
  const variant = process.argv[3];
  if (!(variant in variants)) throw new Error(`engine.bench.ts --child: unknown variant ${variant}`);
  child(variant as Variant, Number(process.argv[4]));
} else {
  main();
}
