import { describe, expect, it } from "vitest";
import {
  BucketCalendar,
  type EventCalendar,
  HeapCalendar,
  RandomStream,
  Simulation,
} from "../../src/engine/index.ts";

interface Ev {
  time: number;
  type: number;
  entity: number;
  priority: number;
  seq: number;
}

const byRule = (a: Ev, b: Ev) => a.time - b.time || a.priority - b.priority || a.seq - b.seq;

/**
 * Random interleaving of schedules and pops checked against a sorted list under the documented rule:
 * time, then priority, then scheduling order.
 */
function checkAgainstReference(
  cal: EventCalendar,
  integerTimes: boolean,
  seed: number,
  priorityOf: (rng: RandomStream) => number = (rng) => rng.int(3) - 1,
): void {
  const rng = RandomStream.create(seed, "calendar");
  const pending: Ev[] = [];
  let seq = 0;
  let now = 0;
  for (let step = 0; step < 12_000; step++) {
    if (rng.next() < 0.52) {
      const delay = integerTimes
        ? rng.int(5) * (rng.next() < 0.05 ? 400 : 1)
        : rng.int(3) === 0
          ? 0
          : rng.next() * 10;
      const ev = {
        time: now + delay,
        type: rng.int(7),
        entity: seq * 3,
        priority: priorityOf(rng),
        seq: seq++,
      };
      cal.schedule(ev.time, ev.type, ev.entity, ev.priority);
      pending.push(ev);
    } else {
      pending.sort(byRule);
      const expected = pending.shift();
      expect(cal.peekTime()).toBe(expected ? expected.time : Number.POSITIVE_INFINITY);
      expect(cal.pop()).toBe(expected !== undefined);
      if (expected) {
        expect([cal.time, cal.type, cal.entity]).toEqual([expected.time, expected.type, expected.entity]);
        now = expected.time;
      }
    }
    expect(cal.size).toBe(pending.length);
  }
}

describe.each([
  ["HeapCalendar", () => new HeapCalendar(4), false],
  ["HeapCalendar (integer times)", () => new HeapCalendar(4), true],
  ["BucketCalendar", () => new BucketCalendar(4), true],
])("%s", (_name, make, integerTimes) => {
  it("pops by time, then priority, then scheduling order", () => {
    checkAgainstReference(make(), integerTimes, 1);
    checkAgainstReference(make(), integerTimes, 2);
  });

  it("pops equal times in scheduling order when every priority is 0", () => {
    checkAgainstReference(make(), integerTimes, 3, () => 0);
  });

  it("keeps the rule when an event of another priority comes now and then", () => {
    // HeapCalendar keeps its sorted layout only while every pending priority is 0: this switches layouts.
    checkAgainstReference(make(), integerTimes, 4, (rng) => (rng.next() < 0.02 ? rng.int(3) - 1 : 0));
  });

  it("orders equal-time events by priority, then by scheduling order (the documented rule)", () => {
    const cal = make();
    cal.schedule(3, 0, 10, 1);
    cal.schedule(3, 0, 11, 0);
    cal.schedule(2, 0, 12, 5);
    cal.schedule(3, 0, 13, 1);
    cal.schedule(3, 0, 14, 0);
    const out: number[] = [];
    while (cal.pop()) out.push(cal.entity);
    expect(out).toEqual([12, 11, 14, 10, 13]);
    expect(cal.pop()).toBe(false);
  });

  it("rejects an event before the last popped time", () => {
    const cal = make();
    cal.schedule(5, 0, 0, 0);
    cal.pop();
    expect(() => cal.schedule(4, 0, 0, 0)).toThrow(RangeError);
  });
});

describe("HeapCalendar layouts", () => {
  it.each([
    ["mixed priorities", (rng: RandomStream) => rng.int(3)],
    ["priority 0 only", () => 0],
  ])(
    "keeps the order while the pending count swings across the sorted-list and heap thresholds (%s)",
    (_name, priorityOf) => {
      const cal = new HeapCalendar(4);
      const rng = RandomStream.create(11, "swing");
      const pending: Ev[] = [];
      let seq = 0;
      let now = 0;
      for (let wave = 0; wave < 40; wave++) {
        const target = wave % 2 === 0 ? 5 + rng.int(200) : rng.int(20);
        while (pending.length < target) {
          const ev = {
            time: now + rng.int(4) * rng.next(),
            type: 1,
            entity: seq,
            priority: priorityOf(rng),
            seq: seq++,
          };
          cal.schedule(ev.time, ev.type, ev.entity, ev.priority);
          pending.push(ev);
        }
        pending.sort(byRule);
        while (pending.length > target) {
          const expected = pending.shift()!;
          expect(cal.peekTime()).toBe(expected.time);
          cal.pop();
          expect(cal.entity).toBe(expected.entity);
          now = cal.time;
        }
      }
    },
  );

  it("returns every int32 entity and every type up to 2^20 - 1 unchanged, in both layouts", () => {
    const entities = [-(2 ** 31), -1, 0, 1, 2 ** 31 - 1, 123_456_789];
    const types = [0, 1, 2 ** 20 - 1, 65_535];
    for (const pending of [5, 200]) {
      const cal = new HeapCalendar(4);
      const expected: Array<[number, number]> = [];
      for (let i = 0; i < pending; i++) {
        const pair: [number, number] = [types[i % types.length], entities[i % entities.length]];
        // Decreasing times: every insert moves the entries already there.
        cal.schedule(pending - i, pair[0], pair[1], 0);
        expected.unshift(pair);
      }
      const out: Array<[number, number]> = [];
      while (cal.pop()) out.push([cal.type, cal.entity]);
      expect(out).toEqual(expected);
    }
  });

  it("rejects priorities outside the packed range and bad types, naming the limits", () => {
    const cal = new HeapCalendar();
    expect(() => cal.schedule(1, 0, 0, 5000)).toThrow(/priority must be an integer in -1024..1023/);
    expect(() => cal.schedule(1, -1, 0, 0)).toThrow(/event type/);
    expect(() => cal.schedule(Number.NaN, 0, 0, 0)).toThrow(/time NaN/);
    expect(() => cal.schedule(1, 0, 0, 0.5)).toThrow(/priority must be an integer/);
    expect(() => cal.schedule(1, 1.5, 0, 0)).toThrow(/event type must be an integer/);
    expect(() => cal.schedule(1, 2 ** 20, 0, 0)).toThrow(/event type/);
    expect(() => cal.schedule(1, 0, 0, -1025)).toThrow(/priority/);
    expect(() => cal.schedule(1, 2 ** 20 - 1, 0, -1024)).not.toThrow();
    expect(() => cal.schedule(1, 0, 0, 1023)).not.toThrow();
  });
});

describe("BucketCalendar", () => {
  it("throws on non-integer times, naming the value", () => {
    expect(() => new BucketCalendar().schedule(1.5, 0, 0, 0)).toThrow(/integer day, got 1.5/);
  });

  it("holds events up to 40 years ahead and an event scheduled before the first one", () => {
    const cal = new BucketCalendar();
    cal.schedule(100, 0, 1, 0);
    cal.schedule(100 + 365 * 40, 0, 2, 0);
    cal.schedule(50, 0, 3, 0);
    cal.schedule(100 + 365 * 20, 0, 4, 0);
    const out: number[] = [];
    while (cal.pop()) out.push(cal.time, cal.entity);
    expect(out).toEqual([50, 3, 100, 1, 7400, 4, 14700, 2]);
  });

  it("uses at most ~12 bytes per pending event when days are full", () => {
    const cal = new BucketCalendar();
    const n = 2_000_000;
    const rng = RandomStream.create(3, "bucket memory");
    for (let i = 0; i < n; i++) cal.schedule(rng.int(3650), 1, i, rng.int(3));
    expect(cal.byteLength / n).toBeLessThan(12.5);
    let last = -1;
    let count = 0;
    let outOfOrder = 0;
    while (cal.pop()) {
      if (cal.time < last) outOfOrder++;
      last = cal.time;
      count++;
    }
    expect(outOfOrder).toBe(0);
    expect(count).toBe(n);
  });

  it("serves events scheduled for the current day in the same run, lower priority first", () => {
    const sim = new Simulation(new BucketCalendar());
    const log: string[] = [];
    sim.on(0, (e) => {
      log.push(`a${e}@${sim.now}`);
      if (e === 0) {
        sim.scheduleIn(0, 1, 7, 5); // same day, later priority: after the other priority-0 event
        sim.scheduleIn(0, 1, 8, -1); // same day, earlier priority: next
      }
    });
    sim.on(1, (e) => log.push(`b${e}@${sim.now}`));
    sim.schedule(2, 0, 0, 0);
    sim.schedule(2, 0, 1, 0);
    sim.schedule(3, 0, 2, 0);
    sim.run();
    expect(log).toEqual(["a0@2", "b8@2", "a1@2", "b7@2", "a2@3"]);
  });
});
