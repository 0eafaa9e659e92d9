import { describe, expect, it } from "vitest";
import { BucketCalendar, HeapCalendar, Simulation } from "../../src/engine/index.ts";

describe("Simulation", () => {
  it("calls the handler registered for each event type with the entity id, in time order", () => {
    const sim = new Simulation(new HeapCalendar());
    const log: string[] = [];
    sim.on(0, (e) => {
      log.push(`ping ${e} @${sim.now}`);
      if (e < 3) sim.scheduleIn(1.5, 1, e + 1);
    });
    sim.on(1, (e) => {
      log.push(`pong ${e} @${sim.now}`);
      sim.scheduleIn(0.5, 0, e);
    });
    sim.schedule(1, 0, 0);
    sim.run();
    expect(log).toEqual([
      "ping 0 @1",
      "pong 1 @2.5",
      "ping 1 @3",
      "pong 2 @4.5",
      "ping 2 @5",
      "pong 3 @6.5",
      "ping 3 @7",
    ]);
    expect(sim.eventsProcessed).toBe(7);
  });

  it("runUntil processes events up to and including the time, then sets now", () => {
    const sim = new Simulation(new BucketCalendar());
    const seen: number[] = [];
    sim.on(0, (e) => {
      seen.push(sim.now);
      if (sim.now < 10) sim.scheduleIn(2, 0, e);
    });
    sim.schedule(0, 0, 0);
    sim.runUntil(4);
    expect(seen).toEqual([0, 2, 4]);
    expect(sim.now).toBe(4);
    sim.runUntil(5);
    expect(sim.now).toBe(5);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(seen).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("stop() ends the run after the current handler", () => {
    const sim = new Simulation(new HeapCalendar());
    let n = 0;
    sim.on(0, () => {
      n++;
      sim.scheduleIn(1, 0, 0);
      if (n === 5) sim.stop();
    });
    sim.schedule(0, 0, 0);
    sim.run();
    expect(n).toBe(5);
    expect(sim.now).toBe(4);
  });

  it("rejects scheduling in the past and events without a handler, naming the fix", () => {
    const sim = new Simulation(new HeapCalendar());
    sim.on(1, () => {});
    sim.schedule(2, 1, 0);
    sim.run();
    expect(() => sim.schedule(1, 1, 0)).toThrow(/before now/);
    expect(() => sim.scheduleIn(-1, 1, 0)).toThrow(/delay must be a number ≥ 0, got -1/);
    expect(() => sim.scheduleIn(Number.NaN, 1, 0)).toThrow(/got NaN/);
    sim.schedule(3, 0, 0);
    expect(() => sim.run()).toThrow(/no handler registered for event type 0/);
    sim.schedule(4, 9, 0);
    expect(() => sim.run()).toThrow(/sim.on\(9/);
  });

  it.each([
    ["run", (sim: Simulation) => sim.run()],
    ["runUntil", (sim: Simulation) => sim.runUntil(100)],
  ])("%s calls the handler registered last for every type, replaced mid-run included", (_name, go) => {
    const sim = new Simulation(new HeapCalendar());
    const log: string[] = [];
    for (const type of [0, 1, 2, 5]) {
      sim.on(type, (e) => {
        log.push(`first ${type}:${e}`);
        sim.on(type, (e2) => log.push(`second ${type}:${e2}`));
      });
    }
    let time = 1;
    for (const type of [0, 1, 2, 5]) {
      sim.schedule(time++, type, 10 + type);
      sim.schedule(time++, type, 20 + type);
    }
    go(sim);
    expect(log).toEqual([
      "first 0:10",
      "second 0:20",
      "first 1:11",
      "second 1:21",
      "first 2:12",
      "second 2:22",
      "first 5:15",
      "second 5:25",
    ]);
    sim.scheduleIn(0, 3, 0);
    expect(() => go(sim)).toThrow(/no handler registered for event type 3/);
  });
});
