/**
 * Interior arrests by channel, limited by officers, cooperation, 287(g) agreements, National Guard support,
 * free detention space under the detention policy, and money (rationing). At-large yield falls with the
 * density of the pool: capacity × (pool / initial pool)^exponent. Targets come from the at-large pools in
 * the priority order with the policy's strictness; the rest uniformly from everyone at large.
 */
import { poisson } from "./engine.ts";
import { F } from "./flows.ts";
import type { Model } from "./model.ts";
import { AT_LARGE_POOLS, POOL_AT_LARGE, POOL_RECENT, RECENT_COHORTS, type TargetClass } from "./stages.ts";

const CLASS_INDEX: Record<TargetClass, number> = { criminal: 0, final_order: 1, recent_entrant: 2, other: 3 };
/** Custodial and task-force arrests find people in jails: criminal records first. */
const CUSTODIAL_ORDER = Int8Array.from([0, 1, 2, 3]);

export interface ArrestDay {
  /** Expected at-large arrests at full capacity today (agents), for officer utilisation. */
  atLargeCapacity: number;
  interiorArrests: number;
}

export class Arrests {
  /** At-large population at the start (agents), the reference for the density effect. */
  initialPool = 0;
  /** Cooperating share on day 0, the reference for custodial arrests. */
  private coop0 = Number.NaN;
  readonly today: ArrestDay = { atLargeCapacity: 0, interiorArrests: 0 };

  constructor(private readonly m: Model) {}

  atLargeSize(): number {
    let n = 0;
    for (const p of AT_LARGE_POOLS) n += this.m.pools[p]!.size;
    return n;
  }

  /** Takes one person from class c (recent entrants: uniformly over the cohorts); -1 when empty. */
  private takeFromClass(c: number): number {
    const m = this.m;
    if (c !== CLASS_INDEX.recent_entrant) {
      const pool = m.pools[POOL_AT_LARGE + c]!;
      if (pool.size === 0) return -1;
      const id = pool.take(m.streams.arrests);
      m.store.setPool(id, 255);
      return id;
    }
    return this.takeFromPools(POOL_RECENT, RECENT_COHORTS);
  }

  /** A uniformly random member of pools first .. first + count - 1, or of all at-large pools. */
  private takeFromPools(first: number, count: number): number {
    const m = this.m;
    let total = 0;
    for (let k = 0; k < count; k++) total += m.pools[first + k]!.size;
    if (total === 0) return -1;
    let r = m.streams.arrests.int(total);
    for (let k = 0; k < count; k++) {
      const pool = m.pools[first + k]!;
      if (r < pool.size) {
        const id = pool.removeAt(r);
        m.store.setPool(id, 255);
        return id;
      }
      r -= pool.size;
    }
    return -1;
  }

  private takeInOrder(order: Int8Array): number {
    for (let i = 0; i < order.length; i++) {
      const id = this.takeFromClass(order[i]);
      if (id >= 0) return id;
    }
    return -1;
  }

  private priorityFor: readonly TargetClass[] | null = null;
  private priority = new Int8Array(0);

  /** The policy's priority order as class indices (rebuilt only when the policy changes it). */
  private priorityOrder(): Int8Array {
    const order = this.m.policy.state.priorityOrder;
    if (order !== this.priorityFor) {
      this.priorityFor = order;
      this.priority = Int8Array.from(order.map((c) => CLASS_INDEX[c]));
    }
    return this.priority;
  }

  /** A uniformly random person from all at-large pools. */
  private takeAny(): number {
    const m = this.m;
    const total = this.atLargeSize();
    if (total === 0) return -1;
    let r = m.streams.arrests.int(total);
    for (const p of AT_LARGE_POOLS) {
      const pool = m.pools[p]!;
      if (r < pool.size) {
        const id = pool.removeAt(r);
        m.store.setPool(id, 255);
        return id;
      }
      r -= pool.size;
    }
    return -1;
  }

  private readonly picked = new Int32Array(256);

  /** Arrests `want` people in one channel; returns how many were arrested. */
  private arrest(
    want: number,
    channel: "at_large" | "custodial" | "task_force" | "national_guard",
    day: number,
  ): number {
    const m = this.m;
    const st = m.policy.state;
    const flow =
      channel === "at_large"
        ? F.arrestsAtLarge
        : channel === "custodial"
          ? F.arrestsCustodial
          : channel === "task_force"
            ? F.arrestsTaskForce
            : F.arrestsGuard;
    const strictCount = channel === "at_large" ? Math.round(want * st.priorityStrictness) : 0;
    const order = this.priorityOrder();
    const picked = this.picked;
    let done = 0;
    // People are picked in batches and booked after, so that the CPU overlaps the memory reads of a batch's
    // picks (random rows of large pools). When arrests wait for beds, a batch never exceeds the free beds,
    // so everyone in it finds a bed, as when picked one at a time.
    while (done < want) {
      let k = Math.min(want - done, picked.length);
      if (st.whenFull === "defer_arrest") {
        const free = m.freeBeds();
        if (free === 0) {
          m.flows[F.arrestsDeferred] += want - done;
          break;
        }
        k = Math.min(k, free);
      }
      let n = 0;
      while (n < k) {
        const i = done + n;
        const id =
          channel === "at_large"
            ? i < strictCount
              ? this.takeInOrder(order)
              : this.takeAny()
            : this.takeInOrder(CUSTODIAL_ORDER);
        if (id < 0) break;
        picked[n++] = id;
      }
      for (let j = 0; j < n; j++) {
        if (m.hasFreeBed()) m.bookIn(picked[j], day, false);
        else m.releaseWithoutBed(picked[j], day);
      }
      done += n;
      if (n < k) break;
    }
    m.flows[flow] += done;
    return done;
  }

  /** Expected arrests per channel today (agents), before beds and money. */
  means(day: number): { atLarge: number; custodial: number; taskForce: number; guard: number } {
    const m = this.m;
    const p = m.params;
    const caps = m.caps;
    const st = m.policy.state;
    const scale = m.scale;
    const pool = this.atLargeSize();
    const exponent = p.scalar("arrests.at_large_depletion_exponent").at(day);
    const density = this.initialPool > 0 ? Math.min(1, pool / this.initialPool) ** exponent : 1;
    const atLarge =
      (caps.officers * p.scalar("arrests.at_large_per_officer_year").at(day) * density * scale) / 365;
    if (Number.isNaN(this.coop0)) this.coop0 = p.scalar("arrests.cooperating_share").at(0);
    const coop = st.cooperatingShare ?? p.scalar("arrests.cooperating_share").at(day);
    // Custodial arrests scale with the share of cooperating jurisdictions relative to day 0's share.
    const coopFactor = this.coop0 > 0 ? coop / this.coop0 : coop;
    const custodial =
      ((p.scalar("arrests.custodial_per_year").at(day) * coopFactor +
        caps.jail287g * p.scalar("arrests.custodial_per_287g_agreement_year").at(day)) *
        scale) /
      365;
    const taskForce =
      (caps.taskForce287g * p.scalar("arrests.task_force_per_agreement_year").at(day) * scale) / 365;
    const guard =
      (caps.guardMembers * p.scalar("arrests.national_guard_per_member_year").at(day) * scale) / 365;
    return { atLarge, custodial, taskForce, guard };
  }

  expectedPerDay(day: number): number {
    const e = this.means(day);
    return e.atLarge + e.custodial + e.taskForce + e.guard;
  }

  step(day: number, rationed: boolean): void {
    const rng = this.m.streams.arrests;
    const e = this.means(day);
    this.today.atLargeCapacity = e.atLarge;
    this.today.interiorArrests = 0;
    if (rationed) return;
    // Custodial transfers first: people already held in jails are the cheapest arrests.
    let n = 0;
    n += this.arrest(poisson(rng, e.custodial), "custodial", day);
    n += this.arrest(poisson(rng, e.taskForce), "task_force", day);
    n += this.arrest(poisson(rng, e.guard), "national_guard", day);
    n += this.arrest(poisson(rng, e.atLarge), "at_large", day);
    this.today.interiorArrests = n;
  }
}
