/**
 * Swap-remove pool of person ids: O(1) add, remove and uniform random pick. Each person is in at most one
 * pool at a time. Pools whose members are only ever removed by a random pick (`trackSlots` false) do not
 * keep each member's position: that saves a write to a random row on every removal. Pools that need
 * removal by id keep the position in the person's row.
 */
import type { RandomStream } from "./engine.ts";
import type { PersonStore } from "./persons.ts";

/** Shared output of `takeMany` (one model runs per thread, and callers consume it at once). */
let scratch = new Int32Array(1024);

export class SwapPool {
  private ids: Int32Array;
  size = 0;
  /** Keeps the prefetch loads observable. */
  private sink = 0;

  constructor(
    private readonly store: PersonStore,
    initialCapacity = 16,
    readonly trackSlots = true,
  ) {
    this.ids = new Int32Array(Math.max(16, Math.ceil(initialCapacity)));
  }

  add(id: number): void {
    if (this.size === this.ids.length) {
      const next = new Int32Array(Math.ceil(this.ids.length * 1.5) + 16);
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.size] = id;
    if (this.trackSlots) this.store.setSlot(id, this.size);
    this.size++;
  }

  /** Removes a member by id (pools that track slots only). */
  remove(id: number): void {
    if (!this.trackSlots) throw new Error("SwapPool.remove: this pool removes members only by position");
    const store = this.store;
    const at = store.slotOf(id);
    const last = this.ids[--this.size];
    this.ids[at] = last;
    store.setSlot(last, at);
    store.setSlot(id, -1);
  }

  /** The id at position i (0 <= i < size). */
  at(i: number): number {
    return this.ids[i];
  }

  /** Removes the member at position i and returns its id. */
  removeAt(i: number): number {
    const id = this.ids[i];
    const last = this.ids[--this.size];
    this.ids[i] = last;
    if (this.trackSlots) {
      this.store.setSlot(last, i);
      this.store.setSlot(id, -1);
    }
    return id;
  }

  /** Removes and returns a uniformly random member; -1 when empty. */
  take(rng: RandomStream): number {
    if (this.size === 0) return -1;
    return this.removeAt(rng.int(this.size));
  }

  /**
   * Takes min(k, size) uniformly random members, drawing exactly as that many calls of `take` would, and
   * returns them at the start of a scratch array that stays valid until the next `takeMany` on any pool.
   * The positions are drawn first and the ids and rows read in tight loops, so that the CPU overlaps
   * their cache misses (a big pool and the person rows are far larger than the caches); the swap-removes
   * and the caller's work on the rows then find them in cache.
   */
  takeMany(rng: RandomStream, k: number): Int32Array {
    const n = Math.min(k, this.size);
    if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
    const out = scratch;
    const ids = this.ids;
    for (let j = 0; j < n; j++) out[j] = rng.int(this.size - j);
    let x = 0;
    for (let j = 0; j < n; j++) x ^= ids[out[j]];
    this.sink ^= x;
    for (let j = 0; j < n; j++) out[j] = this.removeAt(out[j]);
    this.store.prefetch(out, n);
    return out;
  }

  /** Reads the rows of the members at positions start .. start+n-1 ahead of work on them (see PersonStore.prefetch). */
  prefetchRows(start: number, n: number): void {
    this.store.prefetch(this.ids, n, start);
  }

  bytes(): number {
    return this.ids.length * 4;
  }
}
