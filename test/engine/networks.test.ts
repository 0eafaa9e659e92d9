/**
 * Priority M/M/1 (Cobham), processor sharing, tandem Jackson network and M/M/1 state probabilities
 * against queueing-references.md, with batch-means 99.9% intervals and Little's law on every queue.
 */
import { describe, expect, it } from "vitest";
import {
  exponential,
  Granted,
  HeapCalendar,
  IntPriorityQueue,
  intervalOfMeans,
  RandomStream,
  Resource,
  Simulation,
  TimeWeighted,
} from "../../src/engine/index.ts";
import { BATCHES, CONFIDENCE, expectLittle, expectMeanInInterval } from "./support/queueing.ts";

describe("non-preemptive priority M/M/1 (Cobham)", () => {
  it("mean time in system: class 0 = 2.0, class 1 = 6.0", () => {
    const rates = [0.2, 0.6];
    const mu = 1;
    const n = 1_000_000;
    const ARRIVAL = 0;
    const DEPARTURE = 1;
    const sim = new Simulation(new HeapCalendar());
    const arrivalRng = [RandomStream.create(1, "class 0"), RandomStream.create(1, "class 1")];
    const serviceRng = RandomStream.create(1, "service");
    const arrivedAt = new Float64Array(n);
    const classOf = new Uint8Array(n);
    const sojourns = [new Float64Array(n), new Float64Array(n)];
    const served = [0, 0];
    let sumWaits = 0;
    let sumSojourns = 0;
    let next = 0;
    const start = (id: number) => {
      sumWaits += sim.now - arrivedAt[id];
      sim.scheduleIn(exponential(serviceRng, mu), DEPARTURE, id);
    };
    const server = new Resource({ capacity: 1, discipline: "priority", onGrant: start, clock: sim });
    // The entity of an arrival event is its class; each class has its own Poisson stream.
    sim.on(ARRIVAL, (k) => {
      if (next >= n) return;
      const id = next++;
      arrivedAt[id] = sim.now;
      classOf[id] = k;
      if (server.request(id, k) === Granted) start(id);
      sim.scheduleIn(exponential(arrivalRng[k], rates[k]), ARRIVAL, k);
    });
    sim.on(DEPARTURE, (id) => {
      const k = classOf[id];
      const s = sim.now - arrivedAt[id];
      sojourns[k][served[k]++] = s;
      sumSojourns += s;
      server.release(id);
    });
    sim.schedule(exponential(arrivalRng[0], rates[0]), ARRIVAL, 0);
    sim.schedule(exponential(arrivalRng[1], rates[1]), ARRIVAL, 1);
    sim.run();
    expectMeanInInterval(sojourns[0].subarray(0, served[0]), 2.0, "class 0 sojourn");
    expectMeanInInterval(sojourns[1].subarray(0, served[1]), 6.0, "class 1 sojourn");
    expectLittle(server, sim.now, n, sumWaits, sumSojourns, "priority M/M/1");
  });
});

describe("processor-sharing M/M/1", () => {
  /**
   * Every job present receives 1/n of the server. With S(t) the service each present job has had
   * since the start (dS/dt = 1/n), a job arriving at S(a) with work X leaves when S reaches S(a) + X,
   * so the next departure is the smallest such level, kept in a priority queue. Each change of n
   * reschedules the departure; events carry an epoch number so that superseded ones are ignored.
   */
  function runPS(lambda: number, mu: number, n: number, seed: number) {
    const ARRIVAL = 0;
    const DEPARTURE = 1;
    const sim = new Simulation(new HeapCalendar());
    const arrivalRng = RandomStream.create(seed, "arrivals");
    const workRng = RandomStream.create(seed, "work");
    const levels = new IntPriorityQueue();
    const arrivedAt = new Float64Array(n);
    const sojourns = new Float64Array(n);
    const inSystem = new TimeWeighted(0, 0);
    let attained = 0;
    let lastChange = 0;
    let present = 0;
    let epoch = 0;
    let done = 0;
    let next = 0;
    const advance = () => {
      if (present > 0) attained += (sim.now - lastChange) / present;
      lastChange = sim.now;
    };
    const reschedule = () => {
      epoch++;
      if (present > 0) sim.scheduleIn((levels.peekPriority() - attained) * present, DEPARTURE, epoch);
    };
    sim.on(ARRIVAL, () => {
      advance();
      const id = next++;
      arrivedAt[id] = sim.now;
      levels.push(id, attained + exponential(workRng, mu));
      present++;
      inSystem.update(sim.now, present);
      reschedule();
      if (next < n) sim.scheduleIn(exponential(arrivalRng, lambda), ARRIVAL, 0);
    });
    sim.on(DEPARTURE, (e) => {
      if (e !== epoch) return; // superseded by a later arrival or departure
      advance();
      const id = levels.pop();
      sojourns[done++] = sim.now - arrivedAt[id];
      present--;
      inSystem.update(sim.now, present);
      reschedule();
    });
    sim.schedule(exponential(arrivalRng, lambda), ARRIVAL, 0);
    sim.run();
    return { sojourns, inSystem, endTime: sim.now, done };
  }

  it.each([
    [3, 5, 0.5],
    [4, 5, 1.0],
    [3, 6, 1 / 3],
  ])("λ=%d μ=%d: mean sojourn 1/(μ−λ) = %d", (lambda, mu, expected) => {
    const n = 600_000;
    const run = runPS(lambda, mu, n, lambda * 10 + mu);
    expect(run.done).toBe(n);
    expectMeanInInterval(run.sojourns, expected, `PS λ=${lambda} μ=${mu}`);
    // Little's law on the station: time-average number present = λ̂ · mean sojourn.
    let sum = 0;
    for (const s of run.sojourns) sum += s;
    const l = run.inSystem.mean(run.endTime);
    expect(Math.abs(l - (n / run.endTime) * (sum / n))).toBeLessThanOrEqual(1e-9 * (1 + l));
  });
});

describe("tandem Jackson network", () => {
  it("three M/M/1 nodes: mean sojourn Σ 1/(μᵢ − λ), each node 1/(μᵢ − λ)", () => {
    const lambda = 1;
    const mus = [2, 3, 1.5];
    const n = 600_000;
    const ARRIVAL = 0;
    const SERVICE_END = [1, 2, 3];
    const sim = new Simulation(new HeapCalendar());
    const arrivalRng = RandomStream.create(9, "arrivals");
    const serviceRng = mus.map((_, i) => RandomStream.create(9, `node ${i}`));
    const enteredNetwork = new Float64Array(n);
    const enteredNode = new Float64Array(n);
    const total = new Float64Array(n);
    const perNode = mus.map(() => new Float64Array(n));
    const sumWaits = [0, 0, 0];
    const sumSojourns = [0, 0, 0];
    let done = 0;
    let next = 0;
    const nodes = mus.map(
      (_mu, i) =>
        new Resource({
          capacity: 1,
          onGrant: (id) => startService(i, id),
          clock: sim,
        }),
    );
    function startService(i: number, id: number): void {
      sumWaits[i] += sim.now - enteredNode[id];
      sim.scheduleIn(exponential(serviceRng[i], mus[i]), SERVICE_END[i], id);
    }
    function enter(i: number, id: number): void {
      enteredNode[id] = sim.now;
      if (nodes[i].request(id) === Granted) startService(i, id);
    }
    sim.on(ARRIVAL, (id) => {
      enteredNetwork[id] = sim.now;
      enter(0, id);
      if (++next < n) sim.scheduleIn(exponential(arrivalRng, lambda), ARRIVAL, next);
    });
    for (let i = 0; i < mus.length; i++) {
      sim.on(SERVICE_END[i], (id) => {
        const s = sim.now - enteredNode[id];
        perNode[i][id] = s;
        sumSojourns[i] += s;
        nodes[i].release(id);
        if (i + 1 < mus.length) enter(i + 1, id);
        else total[done++] = sim.now - enteredNetwork[id];
      });
    }
    sim.schedule(exponential(arrivalRng, lambda), ARRIVAL, 0);
    sim.run();
    expect(done).toBe(n);
    const expected = mus.reduce((s, mu) => s + 1 / (mu - lambda), 0);
    expectMeanInInterval(total, expected, "tandem total sojourn");
    for (let i = 0; i < mus.length; i++) {
      expectMeanInInterval(perNode[i], 1 / (mus[i] - lambda), `tandem node ${i}`);
      expectLittle(nodes[i], sim.now, n, sumWaits[i], sumSojourns[i], `tandem node ${i}`);
    }
  });
});

describe("M/M/1 state probabilities (time-weighted)", () => {
  /**
   * Fraction of time with n customers present, estimated per time batch: a boundary event every
   * T/BATCHES closes a batch, so the interval comes from BATCHES consecutive time windows.
   */
  it.each([
    [1, 3, [0.6667, 0.2222, 0.0741, 0.0247]],
    [1, 4, [0.75, 0.1875, 0.0469]],
  ])("λ=%d μ=%d: p_n = (1−ρ)ρ^n", (lambda, mu, table) => {
    const horizon = 300_000;
    const states = table.length;
    const ARRIVAL = 0;
    const DEPARTURE = 1;
    const BOUNDARY = 2;
    const sim = new Simulation(new HeapCalendar());
    const arrivalRng = RandomStream.create(lambda * 100 + mu, "arrivals");
    const serviceRng = RandomStream.create(lambda * 100 + mu, "service");
    const timeIn = Array.from({ length: BATCHES }, () => new Float64Array(states));
    let batch = 0;
    let lastChange = 0;
    let next = 0;
    let sumWaits = 0;
    let sumSojourns = 0;
    const arrivedAt: number[] = [];
    const server = new Resource({
      capacity: 1,
      onGrant: (id) => start(id),
      clock: sim,
    });
    const account = () => {
      const k = server.inSystem;
      if (k < states) timeIn[batch][k] += sim.now - lastChange;
      lastChange = sim.now;
    };
    function start(id: number): void {
      sumWaits += sim.now - arrivedAt[id];
      sim.scheduleIn(exponential(serviceRng, mu), DEPARTURE, id);
    }
    sim.on(ARRIVAL, () => {
      account();
      const id = next++;
      arrivedAt[id] = sim.now;
      if (server.request(id) === Granted) start(id);
      const t = sim.now + exponential(arrivalRng, lambda);
      if (t < horizon) sim.schedule(t, ARRIVAL, 0);
    });
    sim.on(DEPARTURE, (id) => {
      account();
      sumSojourns += sim.now - arrivedAt[id];
      server.release(id);
    });
    // Boundaries run after arrivals and departures at the same instant (priority 1 > 0).
    sim.on(BOUNDARY, (b) => {
      account();
      batch = b + 1;
    });
    for (let b = 0; b < BATCHES - 1; b++) sim.schedule(((b + 1) * horizon) / BATCHES, BOUNDARY, b, 1);
    sim.schedule(exponential(arrivalRng, lambda), ARRIVAL, 0);
    sim.runUntil(horizon);
    account();
    const rho = lambda / mu;
    for (let k = 0; k < states; k++) {
      const fractions = timeIn.map((t) => (t[k] * BATCHES) / horizon);
      const ci = intervalOfMeans(fractions, CONFIDENCE);
      const exact = (1 - rho) * rho ** k;
      expect(exact).toBeCloseTo(table[k], 4);
      expect(
        Math.abs(ci.mean - exact),
        `p_${k}: ${ci.mean} ± ${ci.halfWidth} vs ${exact}`,
      ).toBeLessThanOrEqual(ci.halfWidth);
    }
    // Little's law needs an empty station at the end: let the customers present finish.
    sim.run();
    expectLittle(server, sim.now, next, sumWaits, sumSojourns, `M/M/1 λ=${lambda} μ=${mu}`);
  });
});
