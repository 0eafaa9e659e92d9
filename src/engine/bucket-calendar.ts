import type { EventCalendar } from "./calendar.ts";

/** Events per chunk: large enough to amortise the chunk link, small enough to waste little per day. */
const CHUNK = 64;
const NONE = -1;
const MAX_DAY = 2 ** 31 - 1;

/**
 * Calendar for integer times (days): one bucket per day, O(1) schedule and pop.
 *
 * A ring of day slots (a power of two, grown when an event is scheduled further ahead than the ring
 * covers) points to each day's lists. A day has one list per distinct priority, chained in increasing
 * priority order; a list is a FIFO of fixed-size chunks of (type, entity) pairs taken from a shared
 * pool and returned to it when read. Pending events therefore cost 8 bytes each plus at most one
 * partly filled chunk per (day, priority). Ordering: day, then priority (lower first), then scheduling
 * order — the same rule as HeapCalendar. Finding the next day scans empty slots, which costs one step
 * per simulated day in total.
 *
 * Throws on non-integer times and on times before the last popped event.
 */
export class BucketCalendar implements EventCalendar {
  time = Number.NEGATIVE_INFINITY;
  type = -1;
  entity = -1;
  private count = 0;
  /** No pending event lies before this day; the scan for the next event starts here. */
  private cursor = 0;
  /** Upper bound of the pending days (exact after scheduling, stale after popping). */
  private maxDay = 0;

  private ringMask: number;
  private slotFirstList: Int32Array;

  // Chunk pool: event payloads plus a next-chunk link; free chunks are chained through chunkNext.
  private chunkType: Int32Array;
  private chunkEntity: Int32Array;
  private chunkNext: Int32Array;
  private freeChunk = NONE;
  private chunksUsed = 0;

  // List descriptors, one per (day, priority) with pending events; free ones chained through listNext.
  private listDay: Int32Array;
  private listPriority: Int32Array;
  private listHeadChunk: Int32Array;
  private listHeadPos: Int32Array;
  private listTailChunk: Int32Array;
  private listTailPos: Int32Array;
  private listNext: Int32Array;
  private freeList = NONE;
  private listsUsed = 0;

  constructor(initialCapacity = 4096) {
    const chunks = Math.max(4, Math.ceil(initialCapacity / CHUNK));
    this.chunkType = new Int32Array(chunks * CHUNK);
    this.chunkEntity = new Int32Array(chunks * CHUNK);
    this.chunkNext = new Int32Array(chunks);
    const lists = 64;
    this.listDay = new Int32Array(lists);
    this.listPriority = new Int32Array(lists);
    this.listHeadChunk = new Int32Array(lists);
    this.listHeadPos = new Int32Array(lists);
    this.listTailChunk = new Int32Array(lists);
    this.listTailPos = new Int32Array(lists);
    this.listNext = new Int32Array(lists);
    const ring = 1024;
    this.ringMask = ring - 1;
    this.slotFirstList = new Int32Array(ring).fill(NONE);
  }

  get size(): number {
    return this.count;
  }

  schedule(time: number, type: number, entity: number, priority: number): void {
    if (!Number.isInteger(time) || time < -MAX_DAY || time > MAX_DAY) {
      throw new RangeError(`BucketCalendar.schedule: time must be an integer day, got ${time}`);
    }
    if (time < this.time) {
      throw new RangeError(`BucketCalendar.schedule: day ${time} is before the current day ${this.time}`);
    }
    if (this.count === 0) {
      this.cursor = time;
      this.maxDay = time;
    } else {
      if (time < this.cursor) this.cursor = time;
      if (time > this.maxDay) this.maxDay = time;
    }
    if (this.maxDay - this.cursor > this.ringMask) this.growRing(this.maxDay - this.cursor + 1);

    const slot = time & this.ringMask;
    const listPriority = this.listPriority;
    const listNext = this.listNext;
    let prev = NONE;
    let list = this.slotFirstList[slot];
    while (list !== NONE && listPriority[list] < priority) {
      prev = list;
      list = listNext[list];
    }
    if (list === NONE || listPriority[list] !== priority) {
      const fresh = this.newList(time, priority);
      this.listNext[fresh] = list;
      if (prev === NONE) this.slotFirstList[slot] = fresh;
      else this.listNext[prev] = fresh;
      list = fresh;
    }
    let tail = this.listTailChunk[list];
    let pos = this.listTailPos[list];
    if (pos === CHUNK) {
      const chunk = this.newChunk();
      this.chunkNext[tail] = chunk;
      this.listTailChunk[list] = chunk;
      tail = chunk;
      pos = 0;
    }
    const at = tail * CHUNK + pos;
    this.chunkType[at] = type;
    this.chunkEntity[at] = entity;
    this.listTailPos[list] = pos + 1;
    this.count++;
  }

  pop(): boolean {
    if (this.count === 0) return false;
    const slotFirst = this.slotFirstList;
    const mask = this.ringMask;
    let day = this.cursor;
    while (slotFirst[day & mask] === NONE) day++;
    this.cursor = day;
    const slot = day & mask;
    const list = slotFirst[slot];
    const chunk = this.listHeadChunk[list];
    const pos = this.listHeadPos[list];
    const at = chunk * CHUNK + pos;
    this.time = day;
    this.type = this.chunkType[at];
    this.entity = this.chunkEntity[at];
    this.count--;
    const nextPos = pos + 1;
    if (chunk === this.listTailChunk[list] && nextPos === this.listTailPos[list]) {
      // List drained: return its chunk and descriptor, and unlink it from the day.
      this.freeChunkAt(chunk);
      slotFirst[slot] = this.listNext[list];
      this.listNext[list] = this.freeList;
      this.freeList = list;
    } else if (nextPos === CHUNK) {
      this.listHeadChunk[list] = this.chunkNext[chunk];
      this.listHeadPos[list] = 0;
      this.freeChunkAt(chunk);
    } else {
      this.listHeadPos[list] = nextPos;
    }
    return true;
  }

  peekTime(): number {
    if (this.count === 0) return Number.POSITIVE_INFINITY;
    const slotFirst = this.slotFirstList;
    const mask = this.ringMask;
    let day = this.cursor;
    while (slotFirst[day & mask] === NONE) day++;
    this.cursor = day;
    return day;
  }

  /** Bytes held by the calendar's arrays (for memory checks). */
  get byteLength(): number {
    return (
      this.chunkType.byteLength +
      this.chunkEntity.byteLength +
      this.chunkNext.byteLength +
      this.slotFirstList.byteLength +
      7 * this.listDay.byteLength
    );
  }

  private newChunk(): number {
    let chunk = this.freeChunk;
    if (chunk !== NONE) {
      this.freeChunk = this.chunkNext[chunk];
    } else {
      if (this.chunksUsed === this.chunkNext.length) this.growChunks();
      chunk = this.chunksUsed++;
    }
    this.chunkNext[chunk] = NONE;
    return chunk;
  }

  private freeChunkAt(chunk: number): void {
    this.chunkNext[chunk] = this.freeChunk;
    this.freeChunk = chunk;
  }

  private newList(day: number, priority: number): number {
    let list = this.freeList;
    if (list !== NONE) {
      this.freeList = this.listNext[list];
    } else {
      if (this.listsUsed === this.listDay.length) this.growLists();
      list = this.listsUsed++;
    }
    const chunk = this.newChunk();
    this.listDay[list] = day;
    this.listPriority[list] = priority;
    this.listHeadChunk[list] = chunk;
    this.listHeadPos[list] = 0;
    this.listTailChunk[list] = chunk;
    this.listTailPos[list] = 0;
    return list;
  }

  private growChunks(): void {
    // Grow by half, not double, to keep the peak near 12 bytes per pending event.
    const chunks = Math.ceil(this.chunkNext.length * 1.5);
    this.chunkType = resizeI32(this.chunkType, chunks * CHUNK);
    this.chunkEntity = resizeI32(this.chunkEntity, chunks * CHUNK);
    this.chunkNext = resizeI32(this.chunkNext, chunks);
  }

  private growLists(): void {
    const n = this.listDay.length * 2;
    this.listDay = resizeI32(this.listDay, n);
    this.listPriority = resizeI32(this.listPriority, n);
    this.listHeadChunk = resizeI32(this.listHeadChunk, n);
    this.listHeadPos = resizeI32(this.listHeadPos, n);
    this.listTailChunk = resizeI32(this.listTailChunk, n);
    this.listTailPos = resizeI32(this.listTailPos, n);
    this.listNext = resizeI32(this.listNext, n);
  }

  /** Re-slots every day's chain into a ring that spans at least `span` days. */
  private growRing(span: number): void {
    let size = this.slotFirstList.length;
    while (size < span) size *= 2;
    const old = this.slotFirstList;
    const next = new Int32Array(size).fill(NONE);
    const mask = size - 1;
    for (let s = 0; s < old.length; s++) {
      const first = old[s];
      if (first !== NONE) next[this.listDay[first] & mask] = first;
    }
    this.slotFirstList = next;
    this.ringMask = mask;
  }
}

function resizeI32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
