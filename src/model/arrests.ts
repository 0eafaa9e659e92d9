/**
 * Interior arrests by channel, limited by officers, cooperation, 287(g) agreements, National Guard support,
 * free detention space under the detention policy, and money (rationing). At-large yield falls with the
 * density of the pool: capacity × (pool / initial pool)^exponent. Targets come from the at-large pools in
 * the priority order with the policy's strictness; the rest uniformly from everyone at large.
 */
import { poisson } from "./engine.ts";
import { F } from "./flows.ts";
import type { Model } from "./model.ts";
import { takeFromUnion } from "./pool.ts";
import { AT_LARGE_POOLS, POOL_AT_LARGE, POOL_RECENT, RECENT_COHORTS, type TargetClass } from "./stages.ts";

const CLASS_INDEX: Record<TargetClass, number> = { criminal: 0, final_order: 1, recent_entrant: 2, other: 3 };
/** Custodial and task-force arrests find people in jails: criminal records first. */
const CUSTODIAL_ORDER = Int8Array.from([0, 1, 2, 3]);
const RECENT_POOLS = Array.from({ length: RECENT_COHORTS }, (_, k) => POOL_RECENT + k);

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

  /**
   * Takes up to k people from the at-large pools in the priority order (each class until it is empty;
   * recent entrants uniformly over their cohorts) into out[at ..]; returns how many. Draws as picking
   * one at a time would.
   */
  private takeInOrder(order: Int8Array, k: number, out: Int32Array, at: number): number {
    const m = this.m;
    const rng = m.streams.arrests;
    let n = 0;
    for (let i = 0; i < order.length && n < k; i++) {
      const c = order[i];
      n +=
        c === CLASS_INDEX.recent_entrant
          ? takeFromUnion(m.pools, RECENT_POOLS, rng, k - n, out, at + n)
          : m.pools[POOL_AT_LARGE + c]!.takeManyInto(rng, k - n, out, at + n);
    }
    return n;
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

  /** Takes up to k people uniformly from all at-large pools into out[at ..]; returns how many. */
  private takeAny(k: number, out: Int32Array, at: number): number {
    return takeFromUnion(this.m.pools, AT_LARGE_POOLS, this.m.streams.arrests, k, out, at);
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
      if (channel !== "at_large") n = this.takeInOrder(CUSTODIAL_ORDER, k, picked, 0);
      else {
        const strict = Math.max(0, Math.min(k, strictCount - done));
        n = this.takeInOrder(order, strict, picked, 0);
        if (n === strict) n += this.takeAny(k - n, picked, n);
      }
      for (let j = 0; j < n; j++) {
        const id = picked[j];
        m.store.setPool(id, 255);
        if (m.hasFreeBed()) m.bookIn(id, day, false);
        else m.releaseWithoutBed(id, day);
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
