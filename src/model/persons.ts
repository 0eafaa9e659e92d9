/**
 * The person store: one row per simulated person, no object per person. A row is 8 bytes of small fields
 * (stage, nationality, flags, sector, protection, pool) in one Uint8Array and 4 int32 fields (entry day,
 * stage day, pool slot, book-in day) in one Int32Array, interleaved so that a person's data sits in two
 * cache lines (people are touched in random order, so separate arrays per field would cost a cache miss
 * each). Every stage change goes through `move`, which keeps the per-stage counters that the
 * conservation check and the daily stock series read.
 */
import { FIRST_EXIT, NO_POOL, STAGE_COUNT } from "./stages.ts";

const U8 = 8; // bytes per row
const B_STAGE = 0;
const B_NATIONALITY = 1;
const B_FLAGS = 2;
const B_SECTOR = 3;
const B_PROTECTION = 4;
const B_POOL = 5;
const I32 = 4; // int32 words per row
const W_ENTRY = 0;
const W_STAGE_DAY = 1;
const W_SLOT = 2;
const W_BOOK = 3;

export class PersonStore {
  private u8: Uint8Array;
  private i32: Int32Array;
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

  constructor(capacity: number) {
    this.cap = Math.max(16, Math.ceil(capacity));
    this.u8 = new Uint8Array(this.cap * U8);
    this.i32 = new Int32Array(this.cap * I32);
  }

  get capacity(): number {
    return this.cap;
  }

  stageOf(id: number): number {
    return this.u8[id * U8 + B_STAGE];
  }
  nationalityOf(id: number): number {
    return this.u8[id * U8 + B_NATIONALITY];
  }
  flagsOf(id: number): number {
    return this.u8[id * U8 + B_FLAGS];
  }
  setFlags(id: number, flags: number): void {
    this.u8[id * U8 + B_FLAGS] = flags;
  }
  addFlags(id: number, bits: number): void {
    this.u8[id * U8 + B_FLAGS] |= bits;
  }
  clearFlags(id: number, bits: number): void {
    this.u8[id * U8 + B_FLAGS] &= ~bits;
  }
  /** Employment sector index, or 255 when not employed. */
  sectorOf(id: number): number {
    return this.u8[id * U8 + B_SECTOR];
  }
  protectionOf(id: number): number {
    return this.u8[id * U8 + B_PROTECTION];
  }
  setProtection(id: number, code: number): void {
    this.u8[id * U8 + B_PROTECTION] = code;
  }
  /** Which swap-remove pool the person is in (NO_POOL when none). */
  poolOf(id: number): number {
    return this.u8[id * U8 + B_POOL];
  }
  setPool(id: number, pool: number): void {
    this.u8[id * U8 + B_POOL] = pool;
  }
  /** Day the person entered the U.S. (relative to the run start; negative before it). */
  entryDayOf(id: number): number {
    return this.i32[id * I32 + W_ENTRY];
  }
  setEntryDay(id: number, day: number): void {
    this.i32[id * I32 + W_ENTRY] = day;
  }
  /** Day the person entered the current stage. */
  stageDayOf(id: number): number {
    return this.i32[id * I32 + W_STAGE_DAY];
  }
  /** Position in the swap-remove pool the person is in, or -1. */
  slotOf(id: number): number {
    return this.i32[id * I32 + W_SLOT];
  }
  setSlot(id: number, slot: number): void {
    this.i32[id * I32 + W_SLOT] = slot;
  }
  /** Day of the current detention's book-in (for length of stay). */
  bookDayOf(id: number): number {
    return this.i32[id * I32 + W_BOOK];
  }
  setBookDay(id: number, day: number): void {
    this.i32[id * I32 + W_BOOK] = day;
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
    const b = id * U8;
    const u8 = this.u8;
    u8[b + B_STAGE] = stage;
    u8[b + B_NATIONALITY] = nationality;
    u8[b + B_FLAGS] = flags;
    u8[b + B_SECTOR] = sector;
    u8[b + B_PROTECTION] = 0;
    u8[b + B_POOL] = NO_POOL;
    const w = id * I32;
    const i32 = this.i32;
    i32[w + W_ENTRY] = entryDay;
    i32[w + W_STAGE_DAY] = day;
    i32[w + W_SLOT] = -1;
    this.counts[stage]++;
    this.created++;
    return id;
  }

  /** Moves a person to another stage; counts inflows (from an exit stage) and exits (into one). */
  move(id: number, to: number, day: number): void {
    const b = id * U8 + B_STAGE;
    const from = this.u8[b];
    this.counts[from]--;
    this.counts[to]++;
    this.u8[b] = to;
    this.i32[id * I32 + W_STAGE_DAY] = day;
    this.transitions++;
    if (from >= FIRST_EXIT && to < FIRST_EXIT) this.inflows++;
    else if (from < FIRST_EXIT && to >= FIRST_EXIT) this.exits++;
  }

  /** Persons inside the system (not in an exit stage), from the counters. */
  inside(): number {
    let n = 0;
    for (let s = 0; s < FIRST_EXIT; s++) n += this.counts[s];
    return n;
  }

  /** Recounts stages with one pass over all rows (used once at the end as an independent check). */
  recount(): Float64Array {
    const c = new Float64Array(STAGE_COUNT);
    const u8 = this.u8;
    for (let i = 0; i < this.size; i++) c[u8[i * U8 + B_STAGE]]++;
    return c;
  }

  /** Bytes held by the rows (allocated capacity). */
  bytes(): number {
    return this.u8.byteLength + this.i32.byteLength;
  }

  private grow(cap: number): void {
    const u8 = new Uint8Array(cap * U8);
    u8.set(this.u8);
    const i32 = new Int32Array(cap * I32);
    i32.set(this.i32);
    this.u8 = u8;
    this.i32 = i32;
    this.cap = cap;
  }
}
