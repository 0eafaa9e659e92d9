import type { EventCalendar } from "./calendar.ts";

/**
 * Calendar for continuous time: a binary min-heap on typed arrays.
 *
 * The heap holds (time, slot) pairs; a slot indexes side arrays with the event's type, entity, priority
 * and scheduling sequence number. Sifting moves two numbers per level; the side arrays are read only
 * to break ties at equal times (order: time, then priority, then scheduling order). Freed slots are
 * reused through a free list, so steady-state scheduling allocates nothing.
 */
export class HeapCalendar implements EventCalendar {
  time = Number.NEGATIVE_INFINITY;
  type = -1;
  entity = -1;
  private count = 0;
  private seqCounter = 0;
  private heapTime: Float64Array;
  private heapSlot: Int32Array;
  private slotType: Int32Array;
  private slotEntity: Int32Array;
  private slotPriority: Int32Array;
  private slotSeq: Float64Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity | 0);
    this.heapTime = new Float64Array(cap);
    this.heapSlot = new Int32Array(cap);
    this.slotType = new Int32Array(cap);
    this.slotEntity = new Int32Array(cap);
    this.slotPriority = new Int32Array(cap);
    this.slotSeq = new Float64Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  get size(): number {
    return this.count;
  }

  peekTime(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.heapTime[0];
  }

  schedule(time: number, type: number, entity: number, priority: number): void {
    if (!(time >= this.time)) {
      throw new RangeError(`HeapCalendar.schedule: time ${time} is before the current time ${this.time}`);
    }
    if (this.count === this.heapTime.length) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.slotsUsed++;
    const seq = this.seqCounter++;
    this.slotType[slot] = type;
    this.slotEntity[slot] = entity;
    this.slotPriority[slot] = priority;
    this.slotSeq[slot] = seq;
    const ht = this.heapTime;
    const hs = this.heapSlot;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = ht[parent];
      if (pt < time || (pt === time && !this.before(slot, hs[parent]))) break;
      ht[i] = pt;
      hs[i] = hs[parent];
      i = parent;
    }
    ht[i] = time;
    hs[i] = slot;
  }

  pop(): boolean {
    if (this.count === 0) return false;
    const ht = this.heapTime;
    const hs = this.heapSlot;
    const slot = hs[0];
    this.time = ht[0];
    this.type = this.slotType[slot];
    this.entity = this.slotEntity[slot];
    this.freeSlots[this.freeCount++] = slot;
    const n = --this.count;
    if (n > 0) {
      const lastTime = ht[n];
      const lastSlot = hs[n];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n) {
          const rt = ht[right];
          const ct = ht[child];
          if (rt < ct || (rt === ct && this.before(hs[right], hs[child]))) child = right;
        }
        const ct = ht[child];
        if (lastTime < ct || (lastTime === ct && this.before(lastSlot, hs[child]))) break;
        ht[i] = ct;
        hs[i] = hs[child];
        i = child;
      }
      ht[i] = lastTime;
      hs[i] = lastSlot;
    }
    return true;
  }

  /** Tie-break at equal times: lower priority number first, then earlier scheduling. */
  private before(a: number, b: number): boolean {
    const pa = this.slotPriority[a];
    const pb = this.slotPriority[b];
    return pa < pb || (pa === pb && this.slotSeq[a] < this.slotSeq[b]);
  }

  private grow(): void {
    const cap = this.heapTime.length * 2;
    this.heapTime = growF64(this.heapTime, cap);
    this.heapSlot = growI32(this.heapSlot, cap);
    this.slotType = growI32(this.slotType, cap);
    this.slotEntity = growI32(this.slotEntity, cap);
    this.slotPriority = growI32(this.slotPriority, cap);
    this.slotSeq = growF64(this.slotSeq, cap);
    this.freeSlots = growI32(this.freeSlots, cap);
  }
}

function growF64(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

function growI32(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
