/**
 * Deterministic traces of queueing-references.md, matched exactly.
 */
import { describe, expect, it } from "vitest";
import {
  Baulked,
  BucketCalendar,
  Granted,
  HeapCalendar,
  Resource,
  Simulation,
} from "../../src/engine/index.ts";

describe("trace 1: baulking", () => {
  it("baulks at 20, 25, 35, 40, 45 and serves the arrivals at 5 and 10", () => {
    const ARRIVAL = 0;
    const DEPARTURE = 1;
    const sim = new Simulation(new HeapCalendar());
    const arrival: number[] = [];
    const start: number[] = [];
    const baulks: number[] = [];
    const served: { arrived: number; wait: number; start: number; end: number }[] = [];
    const beginService = (id: number) => {
      start[id] = sim.now;
      sim.scheduleIn(21, DEPARTURE, id);
    };
    const server = new Resource({ capacity: 1, baulkAt: 3, onGrant: beginService, clock: sim });
    let next = 0;
    sim.on(ARRIVAL, () => {
      const id = next++;
      arrival[id] = sim.now;
      const outcome = server.request(id);
      if (outcome === Granted) beginService(id);
      else if (outcome === Baulked) baulks.push(sim.now);
      sim.scheduleIn(5, ARRIVAL, -1);
    });
    sim.on(DEPARTURE, (id) => {
      served.push({ arrived: arrival[id], wait: start[id] - arrival[id], start: start[id], end: sim.now });
      server.release(id);
    });
    sim.schedule(5, ARRIVAL, -1);
    sim.runUntil(51);
    expect(baulks).toEqual([20, 25, 35, 40, 45]);
    expect(served).toEqual([
      { arrived: 5, wait: 0, start: 5, end: 26 },
      { arrived: 10, wait: 16, start: 26, end: 47 },
    ]);
    expect(server.baulks).toBe(5);
  });
});

describe("trace 2: finite system capacity over two nodes", () => {
  it("serves and rejects exactly as the reference, never holding more than 5", () => {
    // Times in tenths, so every time is an integer: the day-bucket calendar runs it exactly.
    const ARRIVAL = 0;
    const DEPARTURE = 1;
    const sim = new Simulation(new BucketCalendar());
    const node = [0, 1].map(
      () =>
        new Resource({
          capacity: 1,
          onGrant: (id) => beginService(id),
          clock: sim,
        }),
    );
    const interarrival = [8, 10];
    const nodeOf: number[] = [];
    const arrival: number[] = [];
    const start: number[] = [];
    const served: { arrived: number; node: number; start: number; end: number }[] = [];
    const rejected: number[] = [];
    let population = 0;
    let maxPopulation = 0;
    let next = 0;
    function beginService(id: number): void {
      start[id] = sim.now;
      sim.scheduleIn(51, DEPARTURE, id, 0);
    }
    // Entity of an arrival event = node index; departures come first at equal times (priority 0 < 1).
    sim.on(ARRIVAL, (n) => {
      sim.scheduleIn(interarrival[n], ARRIVAL, n, 1);
      if (population >= 5) {
        rejected.push(sim.now / 10);
        return;
      }
      const id = next++;
      nodeOf[id] = n;
      arrival[id] = sim.now;
      population++;
      maxPopulation = Math.max(maxPopulation, population);
      if (node[n].request(id) === Granted) beginService(id);
    });
    sim.on(DEPARTURE, (id) => {
      population--;
      served.push({
        arrived: arrival[id] / 10,
        node: nodeOf[id] + 1,
        start: start[id] / 10,
        end: sim.now / 10,
      });
      node[nodeOf[id]].release(id);
    });
    sim.schedule(8, ARRIVAL, 0, 1);
    sim.schedule(10, ARRIVAL, 1, 1);
    sim.runUntil(220);
    // Served customers in order of arrival (the reference lists them so).
    const byArrival = [...served].sort((a, b) => a.arrived - b.arrived);
    expect(byArrival.map((s) => s.arrived)).toEqual([0.8, 1.0, 1.6, 2.0, 2.4, 6.0, 6.4, 11.0]);
    expect(byArrival.map((s) => s.node)).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
    expect(byArrival.map((s) => s.start)).toEqual([0.8, 1.0, 5.9, 6.1, 11.0, 11.2, 16.1, 16.3]);
    expect(byArrival.map((s) => s.end)).toEqual([5.9, 6.1, 11.0, 11.2, 16.1, 16.3, 21.2, 21.4]);
    expect(rejected.slice(0, 10)).toEqual([3.0, 3.2, 4.0, 4.0, 4.8, 5.0, 5.6, 7.0, 7.2, 8.0]);
    expect(maxPopulation).toBe(5);
  });
});

describe("trace 3: priorities with and without preemption", () => {
  function run(preemptive: boolean) {
    const ARRIVAL = 0;
    const DEPARTURE = 1;
    const sim = new Simulation(new HeapCalendar());
    const arrivals = [
      { time: 1.5, priority: 1, service: 5 },
      { time: 5.0, priority: 1, service: 5 },
      { time: 7.5, priority: 0, service: 4 },
    ];
    const start = [-1, -1, -1];
    const end = [-1, -1, -1];
    const interrupted: { arrived: number; started: number; cut: number }[] = [];
    const beginService = (id: number) => {
      start[id] = sim.now;
      end[id] = sim.now + arrivals[id].service;
      sim.schedule(end[id], DEPARTURE, id);
    };
    const server = new Resource({
      capacity: 1,
      discipline: "priority",
      preemptive,
      onGrant: beginService,
      onPreempt: (id) => {
        interrupted.push({ arrived: arrivals[id].time, started: start[id], cut: sim.now });
        end[id] = -1; // its pending departure is now stale; it restarts its full service when granted again
      },
      clock: sim,
    });
    sim.on(ARRIVAL, (id) => {
      if (server.request(id, arrivals[id].priority) === Granted) beginService(id);
    });
    sim.on(DEPARTURE, (id) => {
      if (sim.now !== end[id]) return; // departure of an interrupted service
      server.release(id);
    });
    arrivals.forEach((a, id) => {
      sim.schedule(a.time, ARRIVAL, id);
    });
    sim.run();
    return { waits: start.map((s, i) => s - arrivals[i].time), start, end, interrupted };
  }

  it("without preemption: waits 0, 1.5, 4; starts 1.5, 6.5, 11.5; ends 6.5, 11.5, 15.5", () => {
    const r = run(false);
    expect(r.waits).toEqual([0, 1.5, 4]);
    expect(r.start).toEqual([1.5, 6.5, 11.5]);
    expect(r.end).toEqual([6.5, 11.5, 15.5]);
    expect(r.interrupted).toEqual([]);
  });

  it("with preemption: waits 0, 6.5, 0; starts 1.5, 11.5, 7.5; ends 6.5, 16.5, 11.5; one interruption", () => {
    const r = run(true);
    expect(r.waits).toEqual([0, 6.5, 0]);
    expect(r.start).toEqual([1.5, 11.5, 7.5]);
    expect(r.end).toEqual([6.5, 16.5, 11.5]);
    expect(r.interrupted).toEqual([{ arrived: 5.0, started: 6.5, cut: 7.5 }]);
  });
});
