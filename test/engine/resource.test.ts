import { describe, expect, it } from "vitest";
import {
  Baulked,
  Granted,
  HeapCalendar,
  Queued,
  RandomStream,
  Rejected,
  Resource,
  Simulation,
} from "../../src/engine/index.ts";

function setup(options: Partial<ConstructorParameters<typeof Resource>[0]> = {}) {
  const sim = new Simulation(new HeapCalendar());
  const granted: number[] = [];
  const preempted: number[] = [];
  const r = new Resource({
    capacity: 1,
    onGrant: (e) => granted.push(e),
    onPreempt: (e) => preempted.push(e),
    clock: sim,
    ...options,
  });
  return { sim, r, granted, preempted };
}

describe("Resource", () => {
  it("serves waiting entities when capacity rises and lets the excess drain when it falls", () => {
    const { r, granted } = setup({ capacity: 2 });
    expect([r.request(1), r.request(2), r.request(3), r.request(4)]).toEqual([
      Granted,
      Granted,
      Queued,
      Queued,
    ]);
    r.setCapacity(3);
    expect(granted).toEqual([3]);
    r.setCapacity(1);
    expect(r.busy).toBe(3);
    r.release();
    r.release();
    expect(granted).toEqual([3]); // still over capacity: nothing granted
    r.release();
    expect(granted).toEqual([3, 4]);
    expect(r.busy).toBe(1);
  });

  it("rejects beyond a finite waiting room and baulks at the threshold", () => {
    const loss = setup({ capacity: 1, queueCapacity: 2 }).r;
    expect([loss.request(1), loss.request(2), loss.request(3), loss.request(4)]).toEqual([
      Granted,
      Queued,
      Queued,
      Rejected,
    ]);
    expect(loss.rejections).toBe(1);
    const baulking = setup({ capacity: 1, baulkAt: 2 }).r;
    expect([baulking.request(1), baulking.request(2), baulking.request(3)]).toEqual([
      Granted,
      Queued,
      Baulked,
    ]);
  });

  it("serves by priority, FIFO among equals, without preemption", () => {
    const { r, granted, preempted } = setup({ discipline: "priority" });
    r.request(0, 5);
    r.request(1, 2);
    r.request(2, 1);
    r.request(3, 2);
    r.request(4, 0);
    for (let i = 0; i < 4; i++) r.release();
    expect(granted).toEqual([4, 2, 1, 3]);
    expect(preempted).toEqual([]);
  });

  it("preempts the lowest-priority, latest holder and queues it ahead of later equals", () => {
    const { r, granted, preempted } = setup({ capacity: 2, discipline: "priority", preemptive: true });
    r.request(1, 3);
    r.request(2, 3);
    r.request(3, 3); // waits
    expect(r.request(4, 0)).toBe(Granted);
    expect(preempted).toEqual([2]);
    r.release(4);
    expect(granted).toEqual([2]); // the preempted holder goes before 3, which asked later
    expect(r.request(5, 3)).toBe(Queued); // equal priority never preempts
    expect(() => r.release(99)).toThrow(/entity 99 holds no unit/);
    expect(r.preemptions).toBe(1);
  });

  it("validates its options", () => {
    expect(() => setup({ preemptive: true })).toThrow(/preemptive requires discipline "priority"/);
    expect(() => setup({ capacity: -1 })).toThrow(/capacity must be ≥ 0/);
    expect(() => setup().r.release()).toThrow(/no unit is held/);
  });

  it("without time-weighted statistics serves the same way and reads NaN rather than a wrong average", () => {
    const outcomes = (timeWeighted: boolean) => {
      const { sim, r, granted } = setup({ capacity: 2, timeWeighted });
      sim.on(0, () => r.release());
      const results = [1, 2, 3, 4, 5].map((e) => r.request(e));
      sim.schedule(1, 0, 0);
      sim.schedule(2, 0, 0);
      sim.run();
      return { results, granted, counts: [r.requests, r.grants, r.maxQueue, r.busy, r.queueLength], r, sim };
    };
    const on = outcomes(true);
    const off = outcomes(false);
    expect(off.results).toEqual(on.results);
    expect(off.granted).toEqual(on.granted);
    expect(off.counts).toEqual(on.counts);
    expect(on.r.queueStat.mean(on.sim.now)).toBeCloseTo(2.5, 12); // 3 waiting on [0, 1), 2 on [1, 2)
    expect(Number.isNaN(off.r.queueStat.mean(off.sim.now))).toBe(true);
    expect(Number.isNaN(off.r.busyStat.current)).toBe(true);
  });

  it("takes the same decisions with and without statistics over random requests, releases and capacity changes", () => {
    // Without statistics a FIFO resource uses its own short release path; with them, the general one.
    const trace = (timeWeighted: boolean) => {
      const { r, granted } = setup({ capacity: 3, timeWeighted });
      const rng = RandomStream.create(5, "resource ops");
      const log: Array<number | string> = [];
      for (let step = 0; step < 3000; step++) {
        const u = rng.next();
        if (u < 0.5) log.push(r.request(step));
        else if (u < 0.97) {
          try {
            r.release();
            log.push("released");
          } catch (e) {
            log.push((e as Error).message);
          }
        } else r.setCapacity(rng.int(6));
        log.push(r.busy, r.queueLength);
      }
      return { log, granted, counts: [r.requests, r.grants, r.maxQueue] };
    };
    const off = trace(false);
    expect(off.log).toContain("Resource.release: no unit is held");
    expect(off).toEqual(trace(true));
  });
});
