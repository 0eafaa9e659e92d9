import { describe, expect, it } from "vitest";
import { IntFifo, IntPriorityQueue, RandomStream } from "../../src/engine/index.ts";

describe("IntFifo", () => {
  it("keeps first-in first-out order across growth and wrap-around", () => {
    const q = new IntFifo(2);
    const model: number[] = [];
    const rng = RandomStream.create(1, "fifo");
    let next = 0;
    for (let step = 0; step < 20_000; step++) {
      if (rng.next() < 0.55) {
        q.push(next);
        model.push(next++);
      } else {
        expect(q.shift()).toBe(model.length > 0 ? model.shift() : -1);
      }
      expect(q.length).toBe(model.length);
      expect(q.peek()).toBe(model.length > 0 ? model[0] : -1);
    }
    for (let i = 0; i < model.length; i++) expect(q.at(i)).toBe(model[i]);
    expect(() => q.at(model.length)).toThrow(RangeError);
    q.clear();
    expect(q.length).toBe(0);
    expect(q.shift()).toBe(-1);
  });
});

describe("IntPriorityQueue", () => {
  it("pops lowest priority first and equal priorities in insertion order", () => {
    const q = new IntPriorityQueue(2);
    const model: { id: number; p: number; seq: number }[] = [];
    const rng = RandomStream.create(2, "pq");
    let seq = 0;
    for (let step = 0; step < 20_000; step++) {
      if (rng.next() < 0.55) {
        const p = rng.int(4);
        q.push(seq, p);
        model.push({ id: seq, p, seq });
        seq++;
      } else {
        model.sort((a, b) => a.p - b.p || a.seq - b.seq);
        const expected = model.length > 0 ? model.shift()!.id : -1;
        expect(q.pop()).toBe(expected);
      }
      expect(q.length).toBe(model.length);
    }
    model.sort((a, b) => a.p - b.p || a.seq - b.seq);
    expect(q.peek()).toBe(model[0].id);
    expect(q.peekPriority()).toBe(model[0].p);
    q.clear();
    expect(q.pop()).toBe(-1);
    expect(q.peekPriority()).toBe(Number.POSITIVE_INFINITY);
  });

  it("puts an id back at its old place among equals with pushWithOrder", () => {
    const q = new IntPriorityQueue();
    q.push(1, 0);
    q.push(2, 0);
    q.push(3, 0);
    expect(q.pop()).toBe(1);
    const order = q.lastOrder;
    q.pushWithOrder(1, 0, order);
    expect([q.pop(), q.pop(), q.pop()]).toEqual([1, 2, 3]);
  });
});
