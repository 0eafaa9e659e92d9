/**
 * The state of one replication and the moves every stage module shares: pool membership, book-in with the
 * detention policy, routing after processing, release, ordering for removal and leaving detention. Stage
 * modules (border, arrests, cases, removal, protections, departures) call these; nothing else changes a
 * person's stage, so the per-stage counters stay exact.
 */
import { NATIONALITY_GROUPS } from "../params/catalog.ts";
import type { ResolvedParameters, Scenario } from "../params/types.ts";
import { Capacities } from "./capacity.ts";
import { DelayTable } from "./delay-table.ts";
import { BucketCalendar, IntFifo, type RandomStream } from "./engine.ts";
import { ALL_FLOWS, F } from "./flows.ts";
import { WaitHistogram } from "./histogram.ts";
import { Ledger } from "./money.ts";
import { PersonStore } from "./persons.ts";
import { PolicyTimeline } from "./policy.ts";
import { SwapPool } from "./pool.ts";
import {
  COHORT_DAYS,
  cohortOf,
  cohortPool,
  Flag,
  IN_AT_LARGE_POOL,
  isDetained,
  NO_POOL,
  POOL_AT_LARGE,
  POOL_ATD,
  POOL_COUNT,
  POOL_PAROLE_OTHER,
  POOL_RECENT,
  RECENT_ENTRANT_DAYS,
  Stage,
} from "./stages.ts";
import { Today } from "./today.ts";

/** Calendar event types (timed steps). */
export const Ev = {
  PROCESSING_DONE: 0,
  DOCUMENTS_READY: 1,
  ORDER_LIMIT: 2,
  APPEAL_DONE: 3,
  PAROLE_END: 4,
  REENTRY: 5,
  PROTECTION_END: 6,
  NTA_FILED: 7,
  NTA_LAPSED: 8,
} as const;

export const QUEUES = [
  "credible_fear",
  "detained_docket",
  "travel_documents",
  "transport",
  "third_country",
  "non_detained_docket",
  "remain_in_mexico",
] as const;
export type QueueName = (typeof QUEUES)[number];

export interface Streams {
  readonly population: RandomStream;
  readonly border: RandomStream;
  readonly arrests: RandomStream;
  readonly routing: RandomStream;
  readonly courts: RandomStream;
  readonly removal: RandomStream;
  readonly departures: RandomStream;
  readonly protections: RandomStream;
  readonly delays: RandomStream;
  readonly policy: RandomStream;
}

export class Model {
  readonly store: PersonStore;
  readonly calendar: BucketCalendar;
  readonly pools: SwapPool[];
  readonly cfQueue = new IntFifo(1024);
  readonly detainedDocket = new IntFifo(1024);
  readonly rimQueue = new IntFifo(1024);
  readonly nonDetainedDocket: IntFifo;
  readonly airQueue = new IntFifo(1024);
  readonly landQueue = new IntFifo(1024);
  readonly thirdCountryQueues: IntFifo[] = NATIONALITY_GROUPS.map(() => new IntFifo(256));
  readonly caps: Capacities;
  readonly policy: PolicyTimeline;
  readonly ledger: Ledger;
  readonly flows = new Float64Array(ALL_FLOWS.length);
  readonly today = new Today();
  readonly waits = new Map<QueueName, WaitHistogram>(QUEUES.map((q) => [q, new WaitHistogram()]));
  readonly detentionStay = new WaitHistogram();
  // Histograms used per person, looked up once.
  private readonly documentsWait = this.waits.get("travel_documents")!;
  private readonly thirdCountryWait = this.waits.get("third_country")!;
  /** Removed persons by flag, for impacts (agents). */
  removedWithChild = 0;
  removedEmployed = 0;
  readonly removedBySector = new Float64Array(8);
  departedEmployed = 0;
  readonly departedBySector = new Float64Array(8);
  calendarEvents = 0;
  /** Capacity-check failures (first few) and count. */
  readonly capacityMessages: string[] = [];
  capacityViolations = 0;

  private readonly delayTable: DelayTable;

  constructor(
    readonly scenario: Scenario,
    readonly params: ResolvedParameters,
    readonly streams: Streams,
    readonly delayCv: number,
    expectedPersons: number,
  ) {
    this.delayTable = new DelayTable(delayCv);
    this.store = new PersonStore(expectedPersons);
    this.calendar = new BucketCalendar();
    this.pools = [];
    // Only border parolees (parole ends per person) and ATD (enrolment ends with the case) leave their
    // pool by id; every other pool loses members by random pick.
    for (let i = 0; i < POOL_COUNT; i++) {
      this.pools.push(new SwapPool(this.store, 1024, i === POOL_PAROLE_OTHER || i === POOL_ATD));
    }
    this.nonDetainedDocket = new IntFifo(1024);
    this.caps = new Capacities(params, scenario.policies);
    this.policy = new PolicyTimeline(scenario.policies, streams.policy);
    this.ledger = new Ledger(scenario.startEpochDay, scenario.scale);
  }

  get scale(): number {
    return this.scenario.scale;
  }

  /** A delay in whole days with mean `mean` (lognormal with the run's cv, from a quantile table; exact when cv is 0). */
  delay(mean: number): number {
    if (mean <= 0) return 0;
    if (this.delayCv <= 0) return Math.round(mean);
    return Math.round(mean * this.delayTable.draw(this.streams.delays));
  }

  schedule(day: number, type: number, id: number): void {
    if (day >= this.scenario.horizonDays) return; // beyond the horizon: never happens within the run
    this.calendar.schedule(day, type, id, 0);
  }

  // ---------------------------------------------------------------------------------------------------
  // Pools

  leavePool(id: number): void {
    const p = this.store.poolOf(id);
    if (p === NO_POOL) return;
    if (p === IN_AT_LARGE_POOL)
      throw new Error("leavePool: people at large leave their pool by a pick, not by id");
    this.pools[p]!.remove(id);
    this.store.setPool(id, NO_POOL);
  }

  joinPool(id: number, pool: number): void {
    this.pools[pool]!.add(id);
    this.store.setPool(id, pool);
  }

  /**
   * The at-large pool of a person with these flags and entry day on `day`: criminal record, final order,
   * their entry cohort's while they are a recent entrant, or other.
   */
  atLargePool(flags: number, entryDay: number, day: number): number {
    if (flags & Flag.HAS_ORDER) return POOL_AT_LARGE + 1;
    if (flags & Flag.CRIMINAL) return POOL_AT_LARGE;
    const cohort = cohortOf(entryDay);
    return day < cohort * COHORT_DAYS + RECENT_ENTRANT_DAYS ? cohortPool(cohort) : POOL_AT_LARGE + 3;
  }

  /** Target class of an at-large person (0 criminal, 1 final order, 2 recent entrant, 3 other). */
  targetClass(id: number, day: number): number {
    const pool = this.atLargePool(this.store.flagsOf(id), this.store.entryDayOf(id), day);
    return pool >= POOL_RECENT ? 2 : pool - POOL_AT_LARGE;
  }

  /** Puts a person at large into the pool of their target class (recent entrants: their cohort's). */
  joinAtLarge(id: number, day: number): void {
    const s = this.store;
    this.pools[this.atLargePool(s.flagsOf(id), s.entryDayOf(id), day)]!.add(id);
    s.setPool(id, IN_AT_LARGE_POOL);
  }

  /** Moves the cohort whose oldest members reach the recent-entrant limit today to "other". */
  ageCohorts(day: number): void {
    const k = (day - RECENT_ENTRANT_DAYS) / COHORT_DAYS;
    if (!Number.isInteger(k)) return;
    // Rows record only that their person is in an at-large pool, so the ids move without touching them.
    this.pools[cohortPool(k)]!.moveAllTo(this.pools[POOL_AT_LARGE + 3]!);
  }

  /** Moves a person into the interior at large (with an order when the HAS_ORDER flag is set). */
  toAtLarge(id: number, day: number): void {
    const s = this.store;
    this.leavePool(id);
    s.clearFlags(id, Flag.ATD);
    s.move(id, s.flagsOf(id) & Flag.HAS_ORDER ? Stage.AT_LARGE_ORDER : Stage.AT_LARGE, day);
    this.joinAtLarge(id, day);
  }

  /** Moves a person onto the non-detained docket, enrolled in ATD when `atd` and there is room. */
  toNonDetained(id: number, day: number, atd: boolean): boolean {
    const s = this.store;
    this.leavePool(id);
    s.move(id, Stage.NON_DETAINED, day);
    this.nonDetainedDocket.push(id);
    if (atd && this.pools[POOL_ATD]!.size + 1 <= this.atdCapacityAgents) {
      s.addFlags(id, Flag.ATD);
      this.joinPool(id, POOL_ATD);
      return true;
    }
    s.clearFlags(id, Flag.ATD);
    return false;
  }

  /**
   * Release at the border with a notice to appear. Proceedings start only when DHS files the notice with
   * the court, `courts.nta_filing_delay_days` later, and only for the share `courts.nta_filed_share`; until
   * that day the person is at large but in no arrest or departure pool (the pools cannot drop a member by
   * id, and ICE seldom arrested people released days before). On the day a notice is due, it is filed
   * (docket, with ATD) or lapses (the person joins the at-large pools without proceedings). With every
   * notice filed at once this is the docket the same day, as before the filing delay existed.
   */
  releaseWithNotice(id: number, day: number): void {
    const t = this.today;
    if (t.ntaFiledShare >= 1 && t.ntaFilingDelay <= 0) {
      this.toNonDetained(id, day, true);
      return;
    }
    const s = this.store;
    this.leavePool(id);
    s.clearFlags(id, Flag.ATD);
    s.move(id, Stage.AT_LARGE, day);
    this.ntaPendingCount++;
    const filed = t.ntaFiledShare > 0 && this.streams.border.next() < t.ntaFiledShare;
    this.schedule(day + Math.max(1, this.delay(t.ntaFilingDelay)), filed ? Ev.NTA_FILED : Ev.NTA_LAPSED, id);
  }

  /**
   * People at large whose notice is not yet due (in no pool); the daily check counts them with the
   * at-large pools.
   */
  ntaPendingCount = 0;

  /** Takes a person off the pending list when their notice is due; false if they are not on it. */
  private ntaDue(id: number): boolean {
    const s = this.store;
    if (s.stageOf(id) !== Stage.AT_LARGE || s.poolOf(id) !== NO_POOL) return false;
    this.ntaPendingCount--;
    return true;
  }

  /** A notice to appear reaches the court: the case joins the non-detained docket. */
  ntaFiled(id: number, day: number): void {
    if (this.ntaDue(id)) this.toNonDetained(id, day, true);
  }

  /** A notice never filed: the person stays at large without proceedings, now in the at-large pools. */
  ntaLapsed(id: number, day: number): void {
    if (this.ntaDue(id)) this.joinAtLarge(id, day);
  }

  /** Leaves the non-detained docket (court completion or appeal): ends ATD enrolment. */
  leaveNonDetained(id: number): void {
    if (this.store.flagsOf(id) & Flag.ATD) {
      this.leavePool(id);
      this.store.clearFlags(id, Flag.ATD);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Detention

  bedsAgents = 0;
  atdCapacityAgents = 0;

  detainedCount(): number {
    const c = this.store.counts;
    let n = 0;
    for (let s = Stage.BOOKED; s <= Stage.APPEAL_DETAINED; s++) n += c[s];
    return n;
  }

  hasFreeBed(): boolean {
    return this.detainedCount() + 1 <= this.bedsAgents + 1e-9;
  }

  freeBeds(): number {
    return Math.max(0, Math.floor(this.bedsAgents + 1e-9 - this.detainedCount()));
  }

  /**
   * Books a person into ICE detention (a bed must be free: callers check) and starts processing. Interior
   * arrests clear BORDER_BOOKING; border book-ins set it.
   */
  bookIn(id: number, day: number, fromBorder: boolean): void {
    const s = this.store;
    this.leavePool(id);
    if (fromBorder) s.addFlags(id, Flag.BORDER_BOOKING);
    else s.clearFlags(id, Flag.BORDER_BOOKING);
    s.setBookDay(id, day);
    s.move(id, Stage.BOOKED, day);
    this.flows[F.bookIns]++;
    const processing = this.delay(this.today.processingDays);
    if (processing <= 0) this.route(id, day);
    else this.schedule(day + processing, Ev.PROCESSING_DONE, id);
  }

  /**
   * A person who cannot be given a bed: released under the detention policy. People with a final order go
   * back to the interior with it; others get a notice to appear on the non-detained docket.
   */
  releaseWithoutBed(id: number, day: number): void {
    const toAtd = this.policy.state.whenFull === "release_to_atd";
    if (this.store.flagsOf(id) & Flag.HAS_ORDER) {
      this.toAtLarge(id, day);
      this.flows[F.releasesWhenFull]++;
      return;
    }
    const enrolled = this.toNonDetained(id, day, toAtd);
    this.flows[enrolled ? F.releasesToAtd : F.releasesWhenFull]++;
  }

  /** Records the length of stay of a person leaving detention now. */
  leaveDetention(id: number, day: number): void {
    this.detentionStay.add(day - this.store.bookDayOf(id));
  }

  /** Routing after processing: the case path by legal situation and policy. */
  route(id: number, day: number): void {
    const s = this.store;
    const t = this.today;
    const rng = this.streams.routing;
    const f = s.flagsOf(id);
    if (f & Flag.HAS_ORDER) {
      this.orderRemoval(id, day, false);
      return;
    }
    if (f & Flag.REENTRANT && rng.next() < t.reinstatementShare) {
      this.orderRemoval(id, day, true);
      return;
    }
    // CBP already chose expedited removal or a notice to appear for border book-ins; the presence window
    // decides only for interior arrests.
    if (f & Flag.ER_PATH || (!(f & Flag.BORDER_BOOKING) && this.interiorErEligible(id, day))) {
      s.clearFlags(id, Flag.ER_PATH); // used up: a later arrest is not another expedited removal
      if (rng.next() < t.fearClaimShare) {
        s.move(id, Stage.AWAIT_CREDIBLE_FEAR, day);
        this.cfQueue.push(id);
      } else {
        this.orderRemoval(id, day, true);
      }
      return;
    }
    this.noticeToAppear(id, day);
  }

  interiorErEligible(id: number, day: number): boolean {
    const st = this.policy.state;
    if (!st.erNationwide) return false;
    return day - this.store.entryDayOf(id) < this.today.erWindowDays;
  }

  /** A notice to appear for a detained person: detained docket or release onto the non-detained docket. */
  noticeToAppear(id: number, day: number): void {
    const t = this.today;
    const rng = this.streams.routing;
    const detain =
      this.policy.state.detainAll || (rng.next() < t.detainedDocketShare && rng.next() >= t.bondShare);
    if (detain) {
      this.store.move(id, Stage.DETAINED_DOCKET, day);
      this.detainedDocket.push(id);
      return;
    }
    this.leaveDetention(id, day);
    if (this.toNonDetained(id, day, true)) this.flows[F.releasesToAtd]++;
  }

  /**
   * An order of removal for a detained person: travel documents from the home country (delay, refusal),
   * or a wait for a third country up to the post-order limit.
   */
  orderRemoval(id: number, day: number, newOrder: boolean): void {
    const s = this.store;
    const t = this.today;
    if (newOrder) this.flows[F.orders]++;
    s.addFlags(id, Flag.HAS_ORDER);
    const n = s.nationalityOf(id);
    const refusal = t.refusal[n];
    const limit = t.postOrderLimit;
    if (refusal > 0 && this.streams.removal.next() < refusal) {
      s.move(id, Stage.AWAIT_THIRD_COUNTRY, day);
      this.thirdCountryQueues[n]!.push(id);
      this.schedule(day + limit, Ev.ORDER_LIMIT, id);
      return;
    }
    s.move(id, Stage.AWAIT_DOCUMENTS, day);
    const d = this.delay(t.documentDays[n]);
    if (d >= limit) this.schedule(day + limit, Ev.ORDER_LIMIT, id);
    else if (d <= 0) this.documentsReady(id, day);
    else this.schedule(day + d, Ev.DOCUMENTS_READY, id);
  }

  documentsReady(id: number, day: number): void {
    const s = this.store;
    this.documentsWait.add(day - s.stageDayOf(id));
    s.move(id, Stage.AWAIT_TRANSPORT, day);
    const air = this.today.airShare[s.nationalityOf(id)];
    if (air >= 1 || (air > 0 && this.streams.removal.next() < air)) this.airQueue.push(id);
    else this.landQueue.push(id);
  }

  /** Release at the post-order detention limit: back to the interior with the order. */
  releaseAtLimit(id: number, day: number): void {
    const s = this.store;
    const wait = s.stageOf(id) === Stage.AWAIT_THIRD_COUNTRY ? this.thirdCountryWait : this.documentsWait;
    wait.add(day - s.stageDayOf(id));
    this.leaveDetention(id, day);
    this.toAtLarge(id, day);
    this.flows[F.releasesPostOrder]++;
  }

  /** A removal (home country or third country): exit, impacts, re-entry. */
  removed(id: number, day: number, thirdCountry: boolean, air: boolean): void {
    const s = this.store;
    const f = s.flagsOf(id);
    if (isDetained(s.stageOf(id))) this.leaveDetention(id, day);
    s.move(id, Stage.REMOVED, day);
    this.flows[F.removals]++;
    this.flows[f & Flag.BORDER_BOOKING ? F.removalsBorder : F.removalsIce]++;
    if (thirdCountry) this.flows[F.thirdCountry]++;
    else this.flows[air ? F.removalsAir : F.removalsLand]++;
    this.flows[F.removalsByNationality + s.nationalityOf(id)]++;
    if (f & Flag.US_CHILD) this.removedWithChild++;
    if (f & Flag.EMPLOYED) {
      this.removedEmployed++;
      this.removedBySector[s.sectorOf(id)]++;
    }
    // The executed order is spent: after a re-entry, the prior order is reinstated only with the
    // reinstatement share (see route).
    s.setFlags(id, (f | Flag.REENTRANT) & ~(Flag.ATD | Flag.ER_PATH | Flag.BORDER_BOOKING | Flag.HAS_ORDER));
    const mult = this.policy.state.gotawayMultiplier[s.nationalityOf(id)];
    const share = Math.min(1, this.today.reentryShare * mult);
    if (share > 0 && this.streams.border.next() < share) {
      this.schedule(day + 1 + this.delay(this.today.reentryDelay), Ev.REENTRY, id);
    }
  }

  /** Checks a capacity and records a violation message. */
  checkCapacity(name: string, used: number, capacity: number, day: number): void {
    if (used > capacity + 1e-6) {
      this.capacityViolations++;
      if (this.capacityMessages.length < 5) {
        this.capacityMessages.push(`day ${day}: ${name} ${used} above capacity ${capacity}`);
      }
    }
  }
}
