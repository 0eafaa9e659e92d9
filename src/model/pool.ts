/**
 * Swap-remove pool of person ids: O(1) add, remove and uniform random pick. Each person is in at most one
 * pool at a time; the person's position lives in the store's `slot` array.
 */
import type { RandomStream } from "./engine.ts";
import type { PersonStore } from "./persons.ts";

export class SwapPool {
  private ids: Int32Array;
  size = 0;

  constructor(
    private readonly store: PersonStore,
    initialCapacity = 16,
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
    this.store.setSlot(id, this.size);
    this.size++;
  }

  remove(id: number): void {
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

  /** Removes and returns a uniformly random member; -1 when empty. */
  take(rng: RandomStream): number {
    if (this.size === 0) return -1;
    const id = this.ids[rng.int(this.size)];
    this.remove(id);
    return id;
  }

  bytes(): number {
    return this.ids.length * 4;
  }
}
