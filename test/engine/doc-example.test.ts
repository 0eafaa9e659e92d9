/** The complete example of docs/engine.md, run as a test; the doc must quote it verbatim. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// doc-example:start
import {
  BatchMeans,
  exponential,
  Granted,
  HeapCalendar,
  QuantileSketch,
  RandomStream,
  Resource,
  Simulation,
} from "../../src/engine/index.ts";
import { erlangC } from "./support/queueing.ts";

/** Two servers, Poisson arrivals (rate 1.5), exponential service (rate 1); 200 000 customers. */
function twoServerQueue(seed: number) {
  const ARRIVAL = 0; // event types are small integers; one handler each
  const DEPARTURE = 1;
  const customers = 200_000;
  const sim = new Simulation(new HeapCalendar());
  const arrivals = RandomStream.create(seed, "arrivals"); // one stream per purpose
  const services = RandomStream.create(seed, "services");
  const arrivedAt = new Float64Array(customers); // per-entity data lives in typed arrays
  const waits = new BatchMeans(customers / 20);
  const waitQuantiles = new QuantileSketch();

  const startService = (id: number) => {
    const wait = sim.now - arrivedAt[id];
    waits.add(wait);
    waitQuantiles.add(wait);
    sim.scheduleIn(exponential(services, 1), DEPARTURE, id);
  };
  const servers = new Resource({ capacity: 2, onGrant: startService, clock: sim });

  sim.on(ARRIVAL, (id) => {
    arrivedAt[id] = sim.now;
    if (servers.request(id) === Granted) startService(id);
    if (id + 1 < customers) sim.scheduleIn(exponential(arrivals, 1.5), ARRIVAL, id + 1);
  });
  sim.on(DEPARTURE, (id) => servers.release(id));

  sim.schedule(0, ARRIVAL, 0);
  sim.run();
  return {
    meanWait: waits.interval(0.999), // { mean, halfWidth, batches }
    p95Wait: waitQuantiles.quantile(0.95),
    utilisation: servers.busyStat.mean(sim.now) / 2,
    events: sim.eventsProcessed,
  };
}
// doc-example:end

describe("docs/engine.md example", () => {
  it("is quoted verbatim in the doc", () => {
    const source = readFileSync(new URL("./doc-example.test.ts", import.meta.url), "utf8");
    const example = source.split("// doc-example:start\n")[1].split("// doc-example:end")[0];
    const doc = readFileSync(new URL("../../docs/engine.md", import.meta.url), "utf8");
    expect(doc).toContain(example.replace('"../../src/engine/index.ts"', '"../src/engine/index.ts"'));
  });

  it("gives the M/M/2 mean wait of Erlang C within its interval, and is reproducible", () => {
    const r = twoServerQueue(1);
    const exact = erlangC(2, 1.5) / (2 * 1 - 1.5); // Wq = C(c, a) / (cμ − λ)
    expect(Math.abs(r.meanWait.mean - exact)).toBeLessThanOrEqual(r.meanWait.halfWidth);
    expect(r.events).toBe(400_000);
    // Utilisation λ̂·Ŝ/2: 99.9% errors of a Poisson count and of a mean of 200 000 exponentials add up.
    expect(Math.abs(r.utilisation - 0.75)).toBeLessThanOrEqual(0.75 * 2 * (3.29 / Math.sqrt(200_000)));
    // P(Wq > t) = C·e^(−(cμ−λ)t), so the 95th percentile is ln(C/0.05)/(cμ−λ) ≈ 5.11; here only its sign
    // and order of magnitude are checked (the sketch's accuracy is tested in stats.test.ts).
    expect(r.p95Wait).toBeGreaterThan(exact);
    expect(r.p95Wait).toBeLessThan((Math.log(erlangC(2, 1.5) / 0.05) / 0.5) * 2);
    expect(twoServerQueue(1)).toEqual(r);
  });
});
