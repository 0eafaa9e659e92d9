/**
 * Protections (TPS by nationality, CHNV and other parole, DACA, pending asylum): people in them are not
 * removable. A protection_end event moves its share of the group to the interior at large on its effective
 * day: the event day plus the notice period, later if an injunction (drawn once per run) blocks it.
 * Border parole ends after its duration, onto the non-detained docket.
 */
import { NATIONALITY_GROUPS } from "../params/catalog.ts";
import type { ProtectionEndEvent } from "../params/types.ts";
import { F } from "./flows.ts";
import { Ev, type Model } from "./model.ts";
import { nationalityMask } from "./policy.ts";
import {
  POOL_DACA,
  POOL_PAROLE_CHNV,
  POOL_PAROLE_OTHER,
  POOL_PENDING_ASYLUM,
  POOL_TPS,
  Protection,
  Stage,
} from "./stages.ts";

/** People whose protection ends are picked this many at a time (their rows read ahead, see SwapPool.takeMany). */
const PICK_BATCH = 4096;

export function protectionPools(e: ProtectionEndEvent): number[] {
  switch (e.group) {
    case "tps": {
      const mask = nationalityMask(e.nationalities);
      return NATIONALITY_GROUPS.map((_, n) => n)
        .filter((n) => mask[n])
        .map((n) => POOL_TPS + n);
    }
    case "parole_chnv":
      return [POOL_PAROLE_CHNV];
    case "parole_other":
      return [POOL_PAROLE_OTHER];
    case "daca":
      return [POOL_DACA];
    case "pending_asylum":
      return [POOL_PENDING_ASYLUM];
  }
}

export class Protections {
  constructor(private readonly m: Model) {}

  /** Schedules each protection_end event on its effective day. */
  schedule(): void {
    const m = this.m;
    m.scenario.policies.forEach((e, index) => {
      if (e.type !== "protection_end") return;
      let effective = e.day + Math.max(0, Math.round(e.noticeDays));
      const block = m.policy.blockOf(index);
      // An injunction that starts before the protection ends holds it until the injunction lifts.
      if (block && block.from <= effective) effective = Math.max(effective, block.to);
      m.schedule(Math.max(0, effective), Ev.PROTECTION_END, index);
    });
  }

  /** Ends the protection of `share` of the group, chosen at random. */
  end(eventIndex: number, day: number): void {
    const m = this.m;
    const e = m.scenario.policies[eventIndex];
    if (e?.type !== "protection_end") return;
    for (const poolIndex of protectionPools(e)) {
      const pool = m.pools[poolIndex]!;
      const n = Math.round(pool.size * Math.min(1, Math.max(0, e.share)));
      // Picked in batches (the same draws as one at a time), so that the rows are read ahead of the moves.
      for (let done = 0; done < n; ) {
        const k = Math.min(n - done, PICK_BATCH);
        const ids = pool.takeMany(m.streams.protections, k);
        for (let j = 0; j < k; j++) this.release(ids[j]!, day);
        done += k;
      }
      m.flows[F.protectionsEnded] += n;
    }
  }

  private release(id: number, day: number): void {
    const m = this.m;
    m.store.setPool(id, 255);
    m.store.setProtection(id, Protection.NONE);
    m.toAtLarge(id, day);
  }

  /** A border parole runs out: the person's notice to appear puts them on the non-detained docket. */
  paroleEnd(id: number, day: number): void {
    const m = this.m;
    const s = m.store;
    if (s.stageOf(id) !== Stage.PROTECTED || s.protectionOf(id) !== Protection.PAROLE_OTHER) return;
    s.setProtection(id, Protection.NONE);
    m.toNonDetained(id, day, false);
  }
}
