/**
 * M/M/c through the engine's public API: Simulation + HeapCalendar + Resource, handlers per event type.
 * Like the reference it measures the mean wait only, so the Resource's time-weighted statistics are off
 * unless `timeWeighted` asks for them.
 */
import {
  Counter,
  exponential,
  Granted,
  HeapCalendar,
  RandomStream,
  Resource,
  Simulation,
} from "../src/engine/index.ts";
import type { MMcResult, MMcSpec } from "./reference-mmc.ts";

const ARRIVAL = 0;
const DEPARTURE = 1;

export function runEngineMMc({
  lambda,
  mu,
  servers,
  customers,
  seed,
  timeWeighted = false,
}: MMcSpec): MMcResult {
  const started = process.hrtime.bigint();
  const arrivalsRng = RandomStream.create(seed, "arrivals");
  const serviceRng = RandomStream.create(seed, "service");
  const sim = new Simulation(new HeapCalendar(4096));
  const arrivedAt = new Float64Array(customers);
  let arrived = 0;
  const totalWait = new Counter();

  const startService = (id: number) => {
    totalWait.inc(sim.now - arrivedAt[id]);
    sim.scheduleIn(exponential(serviceRng, mu), DEPARTURE, id);
  };
  const servers_ = new Resource({ capacity: servers, onGrant: startService, clock: sim, timeWeighted });
  sim.on(ARRIVAL, (id) => {
    arrivedAt[id] = sim.now;
    arrived++;
    if (servers_.request(id) === Granted) startService(id);
    if (arrived < customers) sim.scheduleIn(exponential(arrivalsRng, lambda), ARRIVAL, arrived);
  });
  sim.on(DEPARTURE, (id) => servers_.release(id));

  sim.schedule(exponential(arrivalsRng, lambda), ARRIVAL, 0);
  sim.run();
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = sim.eventsProcessed;
  return {
    events,
    wallSeconds,
    eventsPerSecond: events / wallSeconds,
    meanWait: totalWait.value / customers,
  };
}
