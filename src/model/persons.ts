/**
 * The person store: one row per simulated person in struct-of-arrays typed arrays (no object per person).
 * Every stage change goes through `move`, which keeps the per-stage counters that the conservation check
 * and the daily stock series read.
 */
import { FIRST_EXIT, NO_POOL, STAGE_COUNT } from "./stages.ts";

export class PersonStore {
  stage: Uint8Array;
  nationality: Uint8Array;
  flags: Uint8Array;
  /** Employment sector index, or 255 when not employed. */
  sector: Uint8Array;
  protection: Uint8Array;
  /** Day the person entered the U.S. (relative to the run start; negative before it). */
  entryDay: Int32Array;
  /** Day the person entered the current stage. */
  stageDay: Int32Array;
  /** Position in the swap-remove pool the person is in, or -1. */
  slot: Int32Array;
  /** Which pool the person is in (NO_POOL when none). */
  pool: Uint8Array;
  /** Day of the current detention's book-in (for length of stay). */
  bookDay: Int32Array;
  size = 0;
  /** Persons per stage. */
  readonly counts = new Float64Array(STAGE_COUNT);
  /** Rows added (initial population and new arrivals) and moves into or out of the exit stages. */
  created = 0;
  inflows = 0;
  exits = 0;
  /** Every stage change, counted as one model event. */
  transitions = 0;

  constructor(capacity: number) {
    const cap = Math.max(16, Math.ceil(capacity));
    this.stage = new Uint8Array(cap);
    this.nationality = new Uint8Array(cap);
    this.flags = new Uint8Array(cap);
    this.sector = new Uint8Array(cap);
    this.protection = new Uint8Array(cap);
    this.entryDay = new Int32Array(cap);
    this.stageDay = new Int32Array(cap);
    this.slot = new Int32Array(cap);
    this.pool = new Uint8Array(cap);
    this.bookDay = new Int32Array(cap);
  }

  get capacity(): number {
    return this.stage.length;
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
    if (this.size === this.stage.length) this.grow(Math.ceil(this.size * 1.5) + 16);
    const id = this.size++;
    this.stage[id] = stage;
    this.nationality[id] = nationality;
    this.flags[id] = flags;
    this.sector[id] = sector;
    this.protection[id] = 0;
    this.entryDay[id] = entryDay;
    this.stageDay[id] = day;
    this.slot[id] = -1;
    this.pool[id] = NO_POOL;
    this.counts[stage]++;
    this.created++;
    return id;
  }

  /** Moves a person to another stage; counts inflows (from an exit stage) and exits (into one). */
  move(id: number, to: number, day: number): void {
    const from = this.stage[id];
    this.counts[from]--;
    this.counts[to]++;
    this.stage[id] = to;
    this.stageDay[id] = day;
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
    const st = this.stage;
    for (let i = 0; i < this.size; i++) c[st[i]]++;
    return c;
  }

  /** Bytes held by the typed arrays (allocated capacity). */
  bytes(): number {
    return this.stage.length * (6 + 4 * 4);
  }

  private grow(cap: number): void {
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.stage = u8(this.stage);
    this.nationality = u8(this.nationality);
    this.flags = u8(this.flags);
    this.sector = u8(this.sector);
    this.protection = u8(this.protection);
    this.entryDay = i32(this.entryDay);
    this.stageDay = i32(this.stageDay);
    this.slot = i32(this.slot);
    this.pool = u8(this.pool);
    this.bookDay = i32(this.bookDay);
  }
}
