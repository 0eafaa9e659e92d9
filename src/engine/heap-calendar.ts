import type { EventCalendar } from "./calendar.ts";

const TWO_POW_42 = 4398046511104;
const TYPE_MASK = 0xfffff; // event types are integers in 0..2^20 - 1
/** Priorities must be integers in [MIN_PRIORITY, MAX_PRIORITY] so that priority and sequence share one key. */
export const MIN_PRIORITY = -1024;
export const MAX_PRIORITY = 1023;
/** Priority − MIN_PRIORITY is an integer in 0..PRIORITY_MASK exactly when `& PRIORITY_MASK` leaves it unchanged. */
const PRIORITY_MASK = MAX_PRIORITY - MIN_PRIORITY;
const MAX_TYPE = 2 ** 20;

/** Below this many pending events the calendar is a sorted array; above SMALL_MAX, a heap. */
const SMALL_MIN = 16;
const SMALL_MAX = 48;

/**
 * Calendar for continuous time on typed arrays, nothing allocated per event.
 *
 * Each pending event sits in a slot that holds its key (priority·2^42 + scheduling sequence number, so
 * one number compare breaks ties by priority and then by scheduling order, exact below 2^53, i.e. for
 * 4·10^12 events), its type and its entity. The ordered structure holds only (time, slot) pairs, so
 * reordering moves two numbers per entry, and the key is read through the slot only when two times are
 * equal (rare in continuous time). Slots need no free list: `slotAt` is a permutation of all slots whose
 * first `count` positions are the pending events and whose later positions are the free slots, so a new
 * event takes the slot just past the end, and a popped one leaves its slot there.
 * Ordering: time, then priority (lower first), then scheduling order.
 *
 * Two layouts of the same arrays: while few events are pending (the common case of a handful of
 * servers), entries are kept sorted in decreasing order, so pop takes the last one and schedule
 * shifts a few entries — about one mispredicted branch per operation instead of one per heap level.
 * Past SMALL_MAX pending events the array is reversed, which makes it a valid 4-ary min-heap, and
 * heap operations take over; below SMALL_MIN it is sorted back. The gap between the two thresholds
 * keeps a calendar hovering around one size from switching back and forth.
 */
export class HeapCalendar implements EventCalendar {
  time = Number.NEGATIVE_INFINITY;
  type = -1;
  entity = -1;
  private count = 0;
  private seq = 0;
  /** Time of the entry at each position of the sorted list (or heap). */
  private heapTime: Float64Array;
  /** Slot of the entry at each position; positions from `count` on hold the free slots. */
  private slotAt: Int32Array;
  /** Key (priority·2^42 + sequence number) of the event in each slot. */
  private slotKey: Float64Array;
  /** Type and entity of the event in each slot, at 2·slot and 2·slot + 1. */
  private slotEvent: Int32Array;
  /**
   * True while the arrays hold a decreasing sorted list rather than a heap. Hot paths test it with
   * `=== true/false`: V8 then compares one pointer, where a bare `if (this.small)` compiled to a generic
   * truthiness test (map loads and several branches) on every pop.
   */
  private small = true;
  /**
   * schedule() inserts into the sorted list while count < sortedLimit: SMALL_MAX in the sorted layout,
   * 0 in the heap layout. One compare then covers both the layout and the switch to a heap.
   */
  private sortedLimit = SMALL_MAX;

  constructor(initialCapacity = 1024) {
    // At least SMALL_MAX slots, so that the sorted list never has to grow.
    const cap = Math.max(2 * SMALL_MAX, initialCapacity | 0);
    this.heapTime = new Float64Array(cap);
    this.slotAt = new Int32Array(cap);
    for (let i = 0; i < cap; i++) this.slotAt[i] = i;
    this.slotKey = new Float64Array(cap);
    this.slotEvent = new Int32Array(2 * cap);
  }

  get size(): number {
    return this.count;
  }

  peekTime(): number {
    if (this.count === 0) return Number.POSITIVE_INFINITY;
    return this.small === true ? this.heapTime[this.count - 1] : this.heapTime[0];
  }

  // The hot path is kept short in bytecode, because V8 inlines a handler's callees only up to a total
  // bytecode size: a call that is not inlined passes its doubles boxed, an allocation each. Rare work
  // (errors, the heap layout) is out of line.
  schedule(time: number, type: number, entity: number, priority: number): void {
    // Integer range checks by masking (one operation each; NaN and fractions fail them too).
    const p = priority - MIN_PRIORITY;
    if (!(time >= this.time && (type & TYPE_MASK) === type && (p & PRIORITY_MASK) === p)) {
      this.reject(time, type, priority);
    }
    const key = priority * TWO_POW_42 + this.seq++;
    let i = this.count;
    if (i >= this.sortedLimit) {
      this.pushHeap(time, key, type, entity);
      return;
    }
    this.count = i + 1;
    const ht = this.heapTime;
    const at = this.slotAt;
    const slot = at[i]; // the first free slot
    this.slotKey[slot] = key;
    const ev = this.slotEvent;
    ev[2 * slot] = type;
    ev[2 * slot + 1] = entity;
    // Insert into the decreasing sorted list: entries that leave earlier sit to the right.
    while (i > 0) {
      const j = i - 1;
      const t = ht[j];
      if (t > time || (t === time && this.slotKey[at[j]] > key)) break;
      ht[i] = t;
      at[i] = at[j];
      i = j;
    }
    ht[i] = time;
    at[i] = slot;
  }

  /**
   * Removes the next event like pop() and returns its type, or -1 when the calendar is empty. The
   * simulation loop dispatches on the returned type rather than reading it back from the `type` field.
   */
  next(): number {
    const n = this.count - 1;
    if (n < 0) return -1;
    if (this.small === false) return this.popHeap();
    const slot = 2 * this.slotAt[n];
    const ev = this.slotEvent;
    const type = ev[slot];
    this.time = this.heapTime[n];
    this.type = type;
    this.entity = ev[slot + 1];
    this.count = n;
    return type;
  }

  pop(): boolean {
    return this.next() >= 0;
  }

  /** Heap layout (switching to it first when the sorted list is full). */
  private pushHeap(time: number, key: number, type: number, entity: number): void {
    if (this.small) this.toHeap();
    if (this.count === this.heapTime.length) this.grow();
    const ht = this.heapTime;
    const at = this.slotAt;
    const sk = this.slotKey;
    let i = this.count++;
    const slot = at[i];
    sk[slot] = key;
    this.slotEvent[2 * slot] = type;
    this.slotEvent[2 * slot + 1] = entity;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = ht[parent];
      if (pt < time || (pt === time && sk[at[parent]] < key)) break;
      ht[i] = pt;
      at[i] = at[parent];
      i = parent;
    }
    ht[i] = time;
    at[i] = slot;
  }

  /** A list sorted in increasing order is a valid heap: reverse the decreasing list. */
  private toHeap(): void {
    const n = this.count;
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      swap(this.heapTime, i, j);
      swap(this.slotAt, i, j);
    }
    this.small = false;
    this.sortedLimit = 0;
  }

  /** Re-sorts the (few) heap entries into a decreasing list. */
  private toSorted(): void {
    const ht = this.heapTime;
    const at = this.slotAt;
    const sk = this.slotKey;
    const n = this.count;
    for (let i = 1; i < n; i++) {
      const t = ht[i];
      const s = at[i];
      const k = sk[s];
      let j = i;
      while (j > 0 && (ht[j - 1] < t || (ht[j - 1] === t && sk[at[j - 1]] < k))) {
        ht[j] = ht[j - 1];
        at[j] = at[j - 1];
        j--;
      }
      ht[j] = t;
      at[j] = s;
    }
    this.small = true;
    this.sortedLimit = SMALL_MAX;
  }

  /** next() in the heap layout (switching back to the sorted list when few events remain). */
  private popHeap(): number {
    const n = this.count - 1;
    if (n < SMALL_MIN) {
      this.toSorted();
      return this.next();
    }
    const ht = this.heapTime;
    const at = this.slotAt;
    const sk = this.slotKey;
    const top = at[0];
    const type = this.slotEvent[2 * top];
    this.time = ht[0];
    this.type = type;
    this.entity = this.slotEvent[2 * top + 1];
    this.count = n;
    const lastTime = ht[n];
    const lastSlot = at[n];
    const lastKey = sk[lastSlot];
    at[n] = top; // the freed slot joins the free positions
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // Smallest of up to four children.
      let best = first;
      let bt = ht[first];
      let bk = sk[at[first]];
      const end = Math.min(first + 4, n);
      for (let c = first + 1; c < end; c++) {
        const ct = ht[c];
        if (ct < bt || (ct === bt && sk[at[c]] < bk)) {
          best = c;
          bt = ct;
          bk = sk[at[c]];
        }
      }
      if (lastTime < bt || (lastTime === bt && lastKey < bk)) break;
      ht[i] = bt;
      at[i] = at[best];
      i = best;
    }
    ht[i] = lastTime;
    at[i] = lastSlot;
    return type;
  }

  // Out of line so that schedule() stays small enough to inline.
  private reject(time: number, type: number, priority: number): never {
    if (!(time >= this.time)) {
      throw new RangeError(`HeapCalendar.schedule: time ${time} is before the current time ${this.time}`);
    }
    if ((type & TYPE_MASK) !== type) {
      throw new RangeError(
        `HeapCalendar.schedule: event type must be an integer in 0..${MAX_TYPE - 1}, got ${type}`,
      );
    }
    throw new RangeError(
      `HeapCalendar.schedule: priority must be an integer in ${MIN_PRIORITY}..${MAX_PRIORITY}, got ${priority}`,
    );
  }

  /** Called when every slot is in use: the new slots take the new positions. */
  private grow(): void {
    const old = this.heapTime.length;
    const cap = old * 2;
    const ht = new Float64Array(cap);
    ht.set(this.heapTime);
    this.heapTime = ht;
    const at = new Int32Array(cap);
    at.set(this.slotAt);
    for (let i = old; i < cap; i++) at[i] = i;
    this.slotAt = at;
    const sk = new Float64Array(cap);
    sk.set(this.slotKey);
    this.slotKey = sk;
    const ev = new Int32Array(2 * cap);
    ev.set(this.slotEvent);
    this.slotEvent = ev;
  }
}

function swap(a: Float64Array | Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
