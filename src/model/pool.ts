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
/** Per pick of `takeFromUnion`: which pool and which position. */
let pickPool = new Int32Array(1024);
let pickPos = new Int32Array(1024);
/** Sizes of the pools of a union while its picks are resolved. */
let unionSizes = new Float64Array(32);

function growScratch(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/**
 * Takes min(k, members) uniformly random members of the union of pools[which[0]], pools[which[1]], ...
 * into out[at ..] and returns how many. Each pick draws a position in the union (rng.int of its size) and
 * finds it in `which` order, exactly as picking one at a time would; the positions are resolved first
 * (only the pools' sizes matter), so the reads of ids and rows overlap as in `takeManyInto`.
 */
export function takeFromUnion(
  pools: readonly SwapPool[],
  which: ArrayLike<number>,
  rng: RandomStream,
  k: number,
  out: Int32Array,
  at: number,
): number {
  if (unionSizes.length < which.length) unionSizes = new Float64Array(which.length);
  const sizes = unionSizes;
  let total = 0;
  for (let q = 0; q < which.length; q++) {
    sizes[q] = pools[which[q]].size;
    total += sizes[q];
  }
  const n = Math.min(k, total);
  if (pickPool.length < n) {
    pickPool = new Int32Array(Math.max(n, pickPool.length * 2));
    pickPos = new Int32Array(pickPool.length);
  }
  for (let j = 0; j < n; j++) {
    let r = rng.int(total - j);
    let q = 0;
    while (r >= sizes[q]) r -= sizes[q++];
    sizes[q]--;
    pickPool[j] = which[q];
    pickPos[j] = r;
  }
  let x = 0;
  for (let j = 0; j < n; j++) x ^= pools[pickPool[j]].at(pickPos[j]);
  pools[which[0]].absorb(x);
  for (let j = 0; j < n; j++) out[at + j] = pools[pickPool[j]].removeAt(pickPos[j]);
  if (n > 0) pools[which[0]].prefetchOut(out, n, at);
  return n;
}
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

  /**
   * Makes room for n members without growing. Pages of a typed array that are never written take no
   * memory, so reserving generously costs nothing until used and saves the copies of repeated growth.
   */
  reserve(n: number): void {
    if (this.ids.length >= n) return;
    const next = new Int32Array(Math.ceil(n));
    next.set(this.ids.subarray(0, this.size));
    this.ids = next;
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

  /**
   * Moves every member to `to`, in the order that taking them one at a time from the end and adding them
   * would give (last first). Pools that track slots cannot: their members' positions are in the rows.
   */
  moveAllTo(to: SwapPool): void {
    if (this.trackSlots || to.trackSlots)
      throw new Error("SwapPool.moveAllTo: only between pools that do not track slots");
    if (to.ids.length < to.size + this.size) to.reserve(Math.ceil((to.size + this.size) * 1.5) + 16);
    const from = this.ids;
    const into = to.ids;
    let at = to.size;
    for (let i = this.size - 1; i >= 0; i--) into[at++] = from[i];
    to.size = at;
    this.size = 0;
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
   */
  takeMany(rng: RandomStream, k: number): Int32Array {
    this.takeManyInto(rng, k, growScratch(k), 0);
    return scratch;
  }

  /**
   * `takeMany` into out[at ..], returning how many were taken. The positions are drawn first and the ids
   * and rows read in tight loops, so that the CPU overlaps their cache misses (a big pool and the person
   * rows are far larger than the caches); the swap-removes and the caller's work on the rows then find
   * them in cache.
   */
  takeManyInto(rng: RandomStream, k: number, out: Int32Array, at: number): number {
    const n = Math.min(k, this.size);
    const ids = this.ids;
    for (let j = 0; j < n; j++) out[at + j] = rng.int(this.size - j);
    let x = 0;
    for (let j = 0; j < n; j++) x ^= ids[out[at + j]];
    this.sink ^= x;
    for (let j = 0; j < n; j++) out[at + j] = this.removeAt(out[at + j]);
    this.store.prefetch(out, n, at);
    return n;
  }

  /** Keeps a prefetch's loads observable, so the compiler cannot drop them. */
  absorb(x: number): void {
    this.sink ^= x;
  }

  /** Reads the rows of out[at .. at+n-1] ahead of work on them (see PersonStore.prefetch). */
  prefetchOut(out: Int32Array, n: number, at: number): void {
    this.store.prefetch(out, n, at);
  }

  /** Reads the rows of the members at positions start .. start+n-1 ahead of work on them (see PersonStore.prefetch). */
  prefetchRows(start: number, n: number): void {
    this.store.prefetch(this.ids, n, start);
  }

  bytes(): number {
    return this.ids.length * 4;
  }
}
