import type { EventCalendar } from "./calendar.ts";

const TWO_POW_42 = 4398046511104;
/**
 * An entry's payload is the number 2^52 + type·2^32 + (entity as uint32), written with one 8-byte store.
 * Every number in [2^52, 2^53) has the same exponent and its offset from 2^52 as mantissa bits, so the
 * payload's low 32-bit word is the entity and the high word is the type under a fixed exponent: pop
 * reads both through an Int32Array view, with no conversion from double to integer. (Writing the two
 * words separately instead made the next 8-byte move of a just-written entry wait on both stores.)
 */
const PAYLOAD_BASE = 2 ** 52;
const TWO_POW_32 = 4294967296;
const TYPE_MASK = 0xfffff; // event types are integers in 0..2^20 - 1
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const TYPE_WORD = LITTLE_ENDIAN ? 1 : 0;
const ENTITY_WORD = 1 - TYPE_WORD;
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
 * Calendar for continuous time on three parallel Float64Arrays, nothing allocated per event.
 *
 * Each entry is (time, key, payload): key = priority·2^42 + scheduling sequence number, so one number
 * compare breaks ties by priority and then by scheduling order (exact below 2^53, i.e. for 4·10^12
 * events); payload = 2^52 + type·2^32 + entity as uint32, whose two 32-bit words pop reads as integers
 * (see PAYLOAD_BASE).
 * Ordering: time, then priority (lower first), then scheduling order.
 *
 * Two layouts of the same arrays: while few events are pending (the common case of a handful of
 * servers) and all of them have priority 0, entries are kept sorted in decreasing order, so pop takes
 * the last one and schedule shifts a few entries — about one mispredicted branch per operation instead
 * of one per heap level. In that layout the keys are not kept: with one priority, an event scheduled
 * later goes after every pending one of equal time, so insertion needs only the times, and each shift
 * moves two arrays instead of three (about 6 ns less per insertion among ten pending events). Past
 * SMALL_MAX pending events, or when an event with another priority arrives, the array is reversed, which
 * makes it a valid 4-ary min-heap; the keys are then written from the list's order and heap operations
 * take over. Below SMALL_MIN pending events, none of them with a priority other than 0, it is sorted
 * back. The gap between the two thresholds keeps a calendar hovering around one size from switching
 * back and forth.
 */
export class HeapCalendar implements EventCalendar {
  time = Number.NEGATIVE_INFINITY;
  type = -1;
  entity = -1;
  private count = 0;
  private seq = 0;
  private heapTime: Float64Array;
  private heapKey: Float64Array;
  /** Moved as whole 8-byte entries; written and read through payloadWords (type and entity as int32). */
  private heapPayload: Float64Array;
  private payloadWords: Int32Array;
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
  /** Pending events (heap layout) whose priority is not 0: the sorted layout is only for none. */
  private prioritized = 0;

  constructor(initialCapacity = 1024) {
    // At least SMALL_MAX slots, so that the sorted list never has to grow.
    const cap = Math.max(2 * SMALL_MAX, initialCapacity | 0);
    this.heapTime = new Float64Array(cap);
    this.heapKey = new Float64Array(cap);
    this.heapPayload = new Float64Array(cap);
    this.payloadWords = new Int32Array(this.heapPayload.buffer);
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
    const payload = PAYLOAD_BASE + type * TWO_POW_32 + (entity >>> 0);
    let i = this.count;
    if (i >= this.sortedLimit || priority !== 0) {
      this.pushHeap(time, priority, payload);
      return;
    }
    this.count = i + 1;
    const ht = this.heapTime;
    const hp = this.heapPayload;
    // Insert into the decreasing sorted list: entries that leave earlier sit to the right. Every pending
    // event has priority 0 and was scheduled earlier, so it leaves first at equal times.
    while (i > 0) {
      const j = i - 1;
      const t = ht[j];
      if (t > time) break;
      ht[i] = t;
      hp[i] = hp[j];
      i = j;
    }
    ht[i] = time;
    hp[i] = payload;
  }

  pop(): boolean {
    const n = this.count - 1;
    if (n < 0) return false;
    if (this.small === false) return this.popHeap();
    const words = this.payloadWords;
    this.time = this.heapTime[n];
    this.type = words[2 * n + TYPE_WORD] & TYPE_MASK;
    this.entity = words[2 * n + ENTITY_WORD];
    this.count = n;
    return true;
  }

  /** Heap layout (switching to it first when the sorted list is full or the priority is not 0). */
  private pushHeap(time: number, priority: number, payload: number): void {
    if (this.small) this.toHeap();
    if (this.count === this.heapTime.length) this.grow();
    if (priority !== 0) this.prioritized++;
    const key = priority * TWO_POW_42 + this.seq++;
    const ht = this.heapTime;
    const hk = this.heapKey;
    const hp = this.heapPayload;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = ht[parent];
      if (pt < time || (pt === time && hk[parent] < key)) break;
      ht[i] = pt;
      hk[i] = hk[parent];
      hp[i] = hp[parent];
      i = parent;
    }
    ht[i] = time;
    hk[i] = key;
    hp[i] = payload;
  }

  /**
   * A list sorted in increasing order is a valid heap: reverse the decreasing list. Its entries all have
   * priority 0 and are in scheduling order among equal times, so their keys are fresh sequence numbers in
   * list order.
   */
  private toHeap(): void {
    const n = this.count;
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      swap(this.heapTime, i, j);
      swap(this.heapPayload, i, j);
    }
    const hk = this.heapKey;
    for (let i = 0; i < n; i++) hk[i] = this.seq++;
    this.small = false;
    this.sortedLimit = 0;
  }

  /** Re-sorts the (few) heap entries into a decreasing list. */
  private toSorted(): void {
    const ht = this.heapTime;
    const hk = this.heapKey;
    const hp = this.heapPayload;
    const n = this.count;
    for (let i = 1; i < n; i++) {
      const t = ht[i];
      const k = hk[i];
      const p = hp[i];
      let j = i;
      while (j > 0 && (ht[j - 1] < t || (ht[j - 1] === t && hk[j - 1] < k))) {
        ht[j] = ht[j - 1];
        hk[j] = hk[j - 1];
        hp[j] = hp[j - 1];
        j--;
      }
      ht[j] = t;
      hk[j] = k;
      hp[j] = p;
    }
    this.small = true;
    this.sortedLimit = SMALL_MAX;
  }

  private popHeap(): boolean {
    const n = this.count - 1;
    if (n < SMALL_MIN && this.prioritized === 0) {
      this.toSorted();
      return this.pop();
    }
    if (this.prioritized !== 0) {
      const top = this.heapKey[0];
      if (top < 0 || top >= TWO_POW_42) this.prioritized--;
    }
    const ht = this.heapTime;
    const hk = this.heapKey;
    const hp = this.heapPayload;
    this.time = ht[0];
    this.type = this.payloadWords[TYPE_WORD] & TYPE_MASK;
    this.entity = this.payloadWords[ENTITY_WORD];
    this.count = n;
    if (n > 0) {
      const lastTime = ht[n];
      const lastKey = hk[n];
      const lastPayload = hp[n];
      let i = 0;
      for (;;) {
        const first = 4 * i + 1;
        if (first >= n) break;
        // Smallest of up to four children.
        let best = first;
        let bt = ht[first];
        let bk = hk[first];
        const end = Math.min(first + 4, n);
        for (let c = first + 1; c < end; c++) {
          const ct = ht[c];
          if (ct < bt || (ct === bt && hk[c] < bk)) {
            best = c;
            bt = ct;
            bk = hk[c];
          }
        }
        if (lastTime < bt || (lastTime === bt && lastKey < bk)) break;
        ht[i] = bt;
        hk[i] = bk;
        hp[i] = hp[best];
        i = best;
      }
      ht[i] = lastTime;
      hk[i] = lastKey;
      hp[i] = lastPayload;
    }
    return true;
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

  private grow(): void {
    const cap = this.heapTime.length * 2;
    this.heapTime = growF64(this.heapTime, cap);
    this.heapKey = growF64(this.heapKey, cap);
    this.heapPayload = growF64(this.heapPayload, cap);
    this.payloadWords = new Int32Array(this.heapPayload.buffer);
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

function growF64(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
