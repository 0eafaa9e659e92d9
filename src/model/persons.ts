/**
 * The person store: one row per simulated person, no object per person. A row is 16 bytes in one
 * Int32Array, so that a person's fields share a cache line (people are touched in random order: separate
 * arrays per field would cost a cache miss each). Every stage change goes through `move`, which keeps the per-stage counters that the
 * conservation check and the daily stock series read.
 */
import type { IntFifo } from "./engine.ts";
import { FIRST_EXIT, NO_POOL, STAGE_COUNT } from "./stages.ts";

/** Rows prefetched at most at once: 8,192 cache lines (512 KB) stay within the L2/L3 caches. */
const PREFETCH_MAX = 8192;

/**
 * Row layout, 4 int32 words (16 bytes, one cache line holds four rows):
 *   word 0: stage (bits 0-4) | nationality (5-8) | flags (9-16) | sector (17-20, 15 = none) |
 *           protection (21-23) | pool (24-28, 31 = none)
 *   word 1: day the current stage began
 *   word 2: position in the person's swap-remove pool
 *   word 3: entry day (low 16 bits, signed) | book-in day (high 16 bits, signed)
 * Days fit in 16 bits: runs are limited to 32,000 days and entry days reach 25 years back.
 */
const W = 4;
const STAGE_MASK = 0x1f;
const NAT_SHIFT = 5;
const FLAGS_SHIFT = 9;
const SECTOR_SHIFT = 17;
const PROT_SHIFT = 21;
const POOL_SHIFT = 24;
const NO_SECTOR = 15;
const NO_POOL_BITS = 31;
/** Values the stage bits can hold (STAGE_MASK + 1). */
const STAGE_SLOTS = 32;
export const MAX_DAY = 32_000;

export class PersonStore {
  private w: Int32Array;
  size = 0;
  /** Persons per stage. */
  readonly counts = new Float64Array(STAGE_COUNT);
  /** Rows added (initial population and new arrivals) and moves into or out of the exit stages. */
  created = 0;
  inflows = 0;
  exits = 0;
  /** Every stage change, counted as one model event. */
  transitions = 0;
  private cap: number;
  /** Keeps the prefetch loads observable, so the compiler cannot drop them. */
  private sink = 0;

  constructor(capacity: number) {
    this.cap = Math.max(16, Math.ceil(capacity));
    this.w = new Int32Array(this.cap * W);
  }

  get capacity(): number {
    return this.cap;
  }

  stageOf(id: number): number {
    return this.w[id * W] & STAGE_MASK;
  }
  nationalityOf(id: number): number {
    return (this.w[id * W] >>> NAT_SHIFT) & 0xf;
  }
  flagsOf(id: number): number {
    return (this.w[id * W] >>> FLAGS_SHIFT) & 0xff;
  }
  setFlags(id: number, flags: number): void {
    const i = id * W;
    this.w[i] = (this.w[i] & ~(0xff << FLAGS_SHIFT)) | ((flags & 0xff) << FLAGS_SHIFT);
  }
  addFlags(id: number, bits: number): void {
    this.w[id * W] |= (bits & 0xff) << FLAGS_SHIFT;
  }
  clearFlags(id: number, bits: number): void {
    this.w[id * W] &= ~((bits & 0xff) << FLAGS_SHIFT);
  }
  /** Employment sector index, or 255 when not employed. */
  sectorOf(id: number): number {
    const s = (this.w[id * W] >>> SECTOR_SHIFT) & 0xf;
    return s === NO_SECTOR ? 255 : s;
  }
  protectionOf(id: number): number {
    return (this.w[id * W] >>> PROT_SHIFT) & 0x7;
  }
  setProtection(id: number, code: number): void {
    const i = id * W;
    this.w[i] = (this.w[i] & ~(0x7 << PROT_SHIFT)) | ((code & 0x7) << PROT_SHIFT);
  }
  /** Which swap-remove pool the person is in (NO_POOL when none). */
  poolOf(id: number): number {
    const p = (this.w[id * W] >>> POOL_SHIFT) & 0x1f;
    return p === NO_POOL_BITS ? NO_POOL : p;
  }
  setPool(id: number, pool: number): void {
    const i = id * W;
    const bits = pool === NO_POOL ? NO_POOL_BITS : pool;
    this.w[i] = (this.w[i] & ~(0x1f << POOL_SHIFT)) | (bits << POOL_SHIFT);
  }
  /** Day the person entered the U.S. (relative to the run start; negative before it). */
  entryDayOf(id: number): number {
    return (this.w[id * W + 3] << 16) >> 16;
  }
  setEntryDay(id: number, day: number): void {
    const i = id * W + 3;
    this.w[i] = (this.w[i] & ~0xffff) | (day & 0xffff);
  }
  /** Day the person entered the current stage. */
  stageDayOf(id: number): number {
    return this.w[id * W + 1];
  }
  /** Position in the swap-remove pool the person is in, or -1. */
  slotOf(id: number): number {
    return this.w[id * W + 2];
  }
  setSlot(id: number, slot: number): void {
    this.w[id * W + 2] = slot;
  }
  /** Day of the current detention's book-in (for length of stay). */
  bookDayOf(id: number): number {
    return this.w[id * W + 3] >> 16;
  }
  setBookDay(id: number, day: number): void {
    const i = id * W + 3;
    this.w[i] = (this.w[i] & 0xffff) | (day << 16);
  }

  /** Adds a person (initial population or a new arrival) and returns the row id. */
  add(
    stage: number,
    nationality: number,
    flags: number,
    sector: number,
    entryDay: number,
    day: number,
  ): number {
    if (this.size === this.cap) this.grow(Math.ceil(this.size * 1.5) + 16);
    const id = this.size++;
    const i = id * W;
    const w = this.w;
    w[i] =
      stage |
      (nationality << NAT_SHIFT) |
      ((flags & 0xff) << FLAGS_SHIFT) |
      ((sector === 255 ? NO_SECTOR : sector) << SECTOR_SHIFT) |
      (NO_POOL_BITS << POOL_SHIFT);
    w[i + 1] = day;
    w[i + 2] = -1;
    w[i + 3] = entryDay & 0xffff;
    this.counts[stage]++;
    this.created++;
    return id;
  }

  /**
   * Adds `n` people who differ only by entry day (entryDays[0 .. n-1]), all on day 0 of their stage, and
   * returns the first row id: population synthesis writes runs of rows this way, keeping the counters
   * in locals rather than updating them row by row.
   */
  addRun(
    n: number,
    stage: number,
    nationality: number,
    flags: number,
    sector: number,
    entryDays: Int32Array,
  ): number {
    if (this.size + n > this.cap) this.grow(Math.ceil((this.size + n) * 1.5) + 16);
    const first = this.size;
    const w = this.w;
    const word0 =
      stage |
      (nationality << NAT_SHIFT) |
      ((flags & 0xff) << FLAGS_SHIFT) |
      ((sector === 255 ? NO_SECTOR : sector) << SECTOR_SHIFT) |
      (NO_POOL_BITS << POOL_SHIFT);
    for (let k = 0, i = first * W; k < n; k++, i += W) {
      w[i] = word0;
      w[i + 1] = 0;
      w[i + 2] = -1;
      w[i + 3] = entryDays[k] & 0xffff;
    }
    this.size = first + n;
    this.counts[stage] += n;
    this.created += n;
    return first;
  }

  /** Moves a person to another stage; counts inflows (from an exit stage) and exits (into one). */
  move(id: number, to: number, day: number): void {
    const i = id * W;
    const word = this.w[i];
    const from = word & STAGE_MASK;
    this.counts[from]--;
    this.counts[to]++;
    this.w[i] = (word & ~STAGE_MASK) | to;
    this.w[i + 1] = day;
    this.transitions++;
    if (from >= FIRST_EXIT && to < FIRST_EXIT) this.inflows++;
    else if (from < FIRST_EXIT && to >= FIRST_EXIT) this.exits++;
  }

  /**
   * Reads the rows of ids[start .. start+n-1] once, before they are processed one by one. A person's row is a cache
   * miss (rows are touched in random order); in this tight loop the loads are independent, so the CPU
   * fetches many rows at once, and the processing that follows finds them in cache. Same results,
   * only faster: the run is bound by memory latency, not by arithmetic.
   */
  prefetch(ids: Int32Array, n: number, start = 0): void {
    const w = this.w;
    const end = start + n;
    let x = 0;
    for (let i = start; i < end; i++) x ^= w[ids[i] * W];
    this.sink ^= x;
  }

  /** `prefetch` for the first n ids of a queue (those a daily service is about to take). */
  prefetchQueue(q: IntFifo, n: number): void {
    const w = this.w;
    const k = Math.min(q.length, Math.ceil(n), PREFETCH_MAX);
    let x = 0;
    for (let i = 0; i < k; i++) x ^= w[q.at(i) * W];
    this.sink ^= x;
  }

  /** Persons inside the system (not in an exit stage), from the counters. */
  inside(): number {
    let n = 0;
    for (let s = 0; s < FIRST_EXIT; s++) n += this.counts[s];
    return n;
  }

  /** Recounts stages with one pass over all rows (used once at the end as an independent check). */
  recount(): Float64Array {
    // Four sets of integer counters, one per row of a group of four: consecutive rows are often in the
    // same stage, and one counter incremented row after row makes every increment wait for the last.
    const k = new Int32Array(4 * STAGE_SLOTS);
    const w = this.w;
    const n = this.size;
    const n4 = n - (n % 4);
    let i = 0;
    for (; i < n4; i += 4) {
      k[w[i * W] & STAGE_MASK]++;
      k[STAGE_SLOTS + (w[(i + 1) * W] & STAGE_MASK)]++;
      k[2 * STAGE_SLOTS + (w[(i + 2) * W] & STAGE_MASK)]++;
      k[3 * STAGE_SLOTS + (w[(i + 3) * W] & STAGE_MASK)]++;
    }
    for (; i < n; i++) k[w[i * W] & STAGE_MASK]++;
    const c = new Float64Array(STAGE_COUNT);
    for (let s = 0; s < STAGE_COUNT; s++) {
      c[s] = k[s] + k[STAGE_SLOTS + s] + k[2 * STAGE_SLOTS + s] + k[3 * STAGE_SLOTS + s];
    }
    return c;
  }

  /** Bytes held by the rows (allocated capacity). */
  bytes(): number {
    return this.w.byteLength;
  }

  private grow(cap: number): void {
    const w = new Int32Array(cap * W);
    w.set(this.w);
    this.w = w;
    this.cap = cap;
  }
}
