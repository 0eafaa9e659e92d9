/**
 * One replication: builds the state, synthesises the population and steps the days. Each day: policy and
 * capacities, timed steps due (day-bucket calendar), border inflows, removals (freeing beds), credible-fear
 * interviews, courts, arrests into the beds left, departures, then costs, series and checks.
 */
import { FACILITY_TYPES } from "../params/catalog.ts";
import type { ResolvedParameters, Scenario } from "../params/types.ts";
import { Arrests } from "./arrests.ts";
import { BorderChannel } from "./border.ts";
import { Cases } from "./cases.ts";
import { Departures } from "./departures.ts";
import type { RandomStream } from "./engine.ts";
import { ALL_FLOWS, F } from "./flows.ts";
import { Ev, Model, type Streams } from "./model.ts";
import { fiscalYearsCovered } from "./money.ts";
import { Protections } from "./protections.ts";
import { Recorder } from "./recorder.ts";
import { Removal } from "./removal.ts";
import { STOCK_SERIES } from "./results.ts";
import {
  AT_LARGE_POOLS,
  FIRST_EXIT,
  Flag,
  POOL_AT_LARGE,
  POOL_ATD,
  POOL_DACA,
  POOL_PAROLE_CHNV,
  POOL_PAROLE_OTHER,
  POOL_PENDING_ASYLUM,
  POOL_TPS,
  STAGE_NAMES,
  Stage,
} from "./stages.ts";
import { synthesizePopulation } from "./synthesis.ts";

/** Timed steps taken from the calendar at once (their rows are prefetched together). */
const CALENDAR_BATCH = 1024;

export interface SimulationOutput {
  readonly model: Model;
  readonly recorder: Recorder;
  readonly conservationMessages: string[];
  readonly conservationOk: boolean;
  readonly events: number;
  readonly detentionDays: number;
}

export interface SimulateOptions {
  readonly onProgress?: (day: number, horizonDays: number, events: number) => void;
  readonly dailyChecks: boolean;
  readonly delayCv: number;
}

export function makeStreams(root: RandomStream): Streams {
  return {
    population: root.child("population"),
    border: root.child("border"),
    arrests: root.child("arrests"),
    routing: root.child("routing"),
    courts: root.child("courts"),
    removal: root.child("removal"),
    departures: root.child("departures"),
    protections: root.child("protections"),
    delays: root.child("delays"),
    policy: root.child("policy"),
  };
}

/** Rows the run will need: the population plus expected new arrivals over the horizon (agents). */
function expectedRows(scenario: Scenario, p: ResolvedParameters): number {
  const years = scenario.horizonDays / 365;
  const d = p.breakdown("border.dispositions").at(0);
  const entering = p.scalar("border.encounters").at(0) * (1 - (d.returned_or_expelled ?? 0));
  const inflow =
    (entering + p.scalar("border.gotaways").at(0) + p.scalar("border.visa_overstays").at(0)) * years;
  return (p.scalar("population.unauthorized_total").at(0) + inflow * 1.1) * scenario.scale + 1024;
}

export function simulate(
  scenario: Scenario,
  params: ResolvedParameters,
  root: RandomStream,
  o: SimulateOptions,
): SimulationOutput {
  const run = new DayStepper(scenario, params, root, o);
  run.start();
  // The loop only calls methods: each day's work is optimised once as ordinary functions, shared by every
  // replication in the thread, instead of a long function compiled on the fly (OSR) in each replication.
  for (let day = 0; day < run.horizonDays; day++) run.step(day);
  return run.finish();
}

/** The state of one replication and its day, split into one method per phase of the day. */
class DayStepper {
  readonly horizonDays: number;
  private readonly scale: number;
  private readonly o: SimulateOptions;
  private readonly m: Model;
  private readonly p: ResolvedParameters;
  private readonly rec: Recorder;
  private readonly border: BorderChannel;
  private readonly arrests: Arrests;
  private readonly cases: Cases;
  private readonly removal: Removal;
  private readonly protections: Protections;
  private readonly departures: Departures;
  private readonly conservationMessages: string[] = [];
  private conservationOk = true;
  private detentionDays = 0;
  private lastProgress = 0;
  /** Whether ICE's spent budget constrains today (the scenario's budget policy acts on it). */
  private budgetActs = false;
  private readonly batchType = new Int32Array(CALENDAR_BATCH);
  private readonly batchId = new Int32Array(CALENDAR_BATCH);
  /** Daily series written every day, looked up once. */
  private readonly stockSeries: Float64Array[];
  private readonly flowSeries: Float64Array[];

  constructor(scenario: Scenario, params: ResolvedParameters, root: RandomStream, o: SimulateOptions) {
    this.horizonDays = scenario.horizonDays;
    this.scale = scenario.scale;
    this.o = o;
    this.p = params;
    const m = new Model(scenario, params, makeStreams(root), o.delayCv, expectedRows(scenario, params));
    this.m = m;
    this.rec = new Recorder(scenario.horizonDays, scenario.startEpochDay);
    this.border = new BorderChannel(m);
    this.arrests = new Arrests(m);
    this.cases = new Cases(m);
    this.removal = new Removal(m);
    this.protections = new Protections(m);
    this.departures = new Departures(m);
    this.stockSeries = STOCK_SERIES.map((name) => this.rec.daily[name]!);
    this.flowSeries = ALL_FLOWS.map((name) => this.rec.daily[name]!);
    this.fundBudget(scenario);
  }

  private fundBudget(scenario: Scenario): void {
    const p = this.p;
    const ledger = this.m.ledger;
    for (const fy of fiscalYearsCovered(scenario.startEpochDay, scenario.horizonDays)) {
      ledger.setAvailable("ICE", fy.label, p.scalar("budget.ice_appropriation").at(Math.max(0, fy.day)));
      ledger.setAvailable("EOIR", fy.label, p.scalar("budget.eoir_appropriation").at(Math.max(0, fy.day)));
    }
    for (const e of scenario.policies) {
      if (e.type !== "appropriation") continue;
      // Reconciliation and supplemental money stays available through the last fiscal year the act funds.
      const multiYear = e.source === "reconciliation" || e.source === "supplemental";
      const lastFy = Object.keys(e.byFiscalYear).sort().at(-1);
      for (const [fy, usd] of Object.entries(e.byFiscalYear)) {
        if (multiYear && lastFy) ledger.addMultiYear(e.agency, fy, lastFy, usd);
        else ledger.addAvailable(e.agency, fy, usd);
      }
    }
  }

  /** Day 0's policy and capacities, then the population and the protections' end dates. */
  start(): void {
    const m = this.m;
    this.beginDay(0);
    // The at-large class pools hold most of the population; sized up front, they never copy themselves.
    for (let c = 0; c < 4; c++) m.pools[POOL_AT_LARGE + c]!.reserve(m.store.capacity);
    synthesizePopulation(m);
    const arrests = this.arrests;
    arrests.initialPool = arrests.atLargeSize();
    this.departures.referenceIntensity =
      arrests.initialPool > 0 ? (arrests.expectedPerDay(0) * 365) / arrests.initialPool : 0;
    this.protections.schedule();
  }

  private beginDay(day: number): void {
    const m = this.m;
    const p = this.p;
    m.policy.update(day);
    const st = m.policy.state;
    const frozen = st.whenBudgetExhausted === "stop_capacity" && m.ledger.isExhausted("ICE", day);
    this.budgetActs = frozen;
    m.caps.update(day, frozen, m.ledger);
    m.today.update(p, st, day);
    m.bedsAgents = m.caps.beds * this.scale;
    m.atdCapacityAgents = (st.atdCapacity ?? p.scalar("detention.atd_capacity").at(day)) * this.scale;
  }

  step(day: number): void {
    const m = this.m;
    if (day > 0) this.beginDay(day);
    m.ageCohorts(day);
    const bedsHeld = enforceCapacityCuts(m, day);
    this.runDueSteps(day);
    this.stepStages(day);
    const detained = m.detainedCount();
    const atd = m.pools[POOL_ATD]!.size;
    this.detentionDays += detained;
    this.chargeDay(day, detained, atd);
    this.recordDay(day, detained, atd, bedsHeld);
    if (this.o.dailyChecks) this.checkDay(day, detained, atd, bedsHeld);
    m.flows.fill(0);
    const H = this.horizonDays;
    if (this.o.onProgress && (day - this.lastProgress >= 30 || day === H - 1)) {
      this.lastProgress = day;
      this.o.onProgress(day + 1, H, eventsOf(m));
    }
  }

  /**
   * Timed steps due today, in calendar order, taken in batches: a batch's rows are prefetched together
   * (see PersonStore.prefetch). Steps scheduled for today while a batch runs join the calendar's tail,
   * so the order is the same as popping one event at a time.
   */
  private runDueSteps(day: number): void {
    const m = this.m;
    const cal = m.calendar;
    const batchType = this.batchType;
    const batchId = this.batchId;
    while (cal.size > 0 && cal.peekTime() <= day) {
      let n = 0;
      while (n < CALENDAR_BATCH && cal.size > 0 && cal.peekTime() <= day) {
        cal.pop();
        batchType[n] = cal.type;
        batchId[n] = cal.entity;
        n++;
      }
      m.calendarEvents += n;
      m.store.prefetch(batchId, n);
      for (let j = 0; j < n; j++) this.runTimedStep(batchType[j]!, batchId[j]!, day);
    }
  }

  /** One timed step: acts only when the person is still where the step was scheduled for. */
  private runTimedStep(type: number, id: number, day: number): void {
    const m = this.m;
    const s = m.store;
    switch (type) {
      case Ev.PROCESSING_DONE:
        if (s.stageOf(id) === Stage.BOOKED) m.route(id, day);
        break;
      case Ev.DOCUMENTS_READY:
        if (s.stageOf(id) === Stage.AWAIT_DOCUMENTS) m.documentsReady(id, day);
        break;
      case Ev.ORDER_LIMIT: {
        const stg = s.stageOf(id);
        const limit = m.today.postOrderLimit;
        if (
          (stg === Stage.AWAIT_DOCUMENTS || stg === Stage.AWAIT_THIRD_COUNTRY) &&
          day - s.stageDayOf(id) >= limit
        ) {
          m.releaseAtLimit(id, day);
        }
        break;
      }
      case Ev.APPEAL_DONE:
        this.cases.appealDone(id, day);
        break;
      case Ev.PAROLE_END:
        this.protections.paroleEnd(id, day);
        break;
      case Ev.REENTRY:
        this.border.reenter(id, day);
        break;
      case Ev.PROTECTION_END:
        this.protections.end(id, day);
        break;
      case Ev.NTA_FILED:
        m.ntaFiled(id, day);
        break;
      case Ev.NTA_LAPSED:
        m.ntaLapsed(id, day);
        break;
      default:
        throw new Error(`unknown calendar event type ${type}`);
    }
  }

  /** Border inflows, removals (freeing beds), credible-fear interviews, courts, arrests, departures. */
  private stepStages(day: number): void {
    const m = this.m;
    const s = m.store;
    const { removal, cases, arrests, departures } = this;
    this.border.step(day);
    // Each service takes about yesterday's capacity from the head of its queue: prefetch those rows.
    s.prefetchQueue(m.airQueue, removal.air.offered + 1);
    s.prefetchQueue(m.landQueue, removal.land.offered + 1);
    removal.stepTransport(day);
    removal.stepThirdCountry(day);
    s.prefetchQueue(m.cfQueue, cases.cf.offered + 1);
    cases.stepCredibleFear(day);
    const courtSlots = cases.court.offered + 1;
    // Each queue's head as far as it was served yesterday: the detained docket often stops early, at its
    // first case not yet ripe, so reading a full day's court capacity of it would mostly miss for nothing.
    s.prefetchQueue(m.detainedDocket, cases.detainedDecided + 1);
    s.prefetchQueue(m.rimQueue, cases.detainedAndRimDecided - cases.detainedDecided + 1);
    // The non-detained docket gets what the detained docket and Remain in Mexico leave (as yesterday).
    s.prefetchQueue(m.nonDetainedDocket, Math.max(0, courtSlots - cases.detainedAndRimDecided) + 1);
    cases.stepCourts(day);
    cases.stepReferrals(day);
    const rationed =
      m.policy.state.whenBudgetExhausted === "ration_arrests" && m.ledger.isExhausted("ICE", day);
    if (rationed) this.budgetActs = true;
    arrests.step(day, rationed);
    departures.recordArrests(day, arrests.today.interiorArrests);
    departures.step(day, arrests.atLargeSize());
  }

  /** Costs charged once a day from the day's counters. */
  private chargeDay(day: number, detained: number, atd: number): void {
    const m = this.m;
    const p = this.p;
    const f = m.flows;
    const ledger = m.ledger;
    const arrestCost = p.breakdown("arrests.cost_per_arrest").at(day);
    for (let i = 0; i < ARREST_CHANNELS.length; i++) {
      const ch = ARREST_CHANNELS[i]!;
      ledger.chargeAgents(
        day,
        "arrest",
        ch,
        "operating",
        "arrests",
        f[ARREST_FLOWS[i]!]!,
        arrestCost[ch],
        "arrests.cost_per_arrest",
      );
    }
    chargeDetention(m, day, detained);
    ledger.chargeAgents(
      day,
      "atd",
      "atd",
      "operating",
      "person-days",
      atd,
      p.scalar("detention.atd_cost_per_day").at(day),
      "detention.atd_cost_per_day",
    );
    ledger.chargeAgents(
      day,
      "credible_fear",
      "interviews",
      "operating",
      "interviews",
      f[F.cfInterviews]!,
      p.scalar("expedited_removal.cost_per_interview").at(day),
      "expedited_removal.cost_per_interview",
    );
    ledger.charge(
      day,
      "staffing",
      "officers",
      "operating",
      "officer-days",
      m.caps.officers,
      p.scalar("arrests.officer_annual_cost").at(day) / 365,
      "arrests.officer_annual_cost",
    );
    f[F.deathsExpected] =
      (detained * p.scalar("detention.deaths_per_100k_detention_years").at(day)) / 1e5 / 365;
  }

  /** Series (full scale) and each resource's use against its capacity. */
  private recordDay(day: number, detained: number, atd: number, bedsHeld: number): void {
    const m = this.m;
    const c = m.store.counts;
    const inv = 1 / this.scale;
    const v = this.stockSeries;
    let k = 0;
    // In STOCK_SERIES order (results.ts).
    v[k++]![day] = c[Stage.AT_LARGE]! * inv;
    v[k++]![day] = c[Stage.AT_LARGE_ORDER]! * inv;
    v[k++]![day] = c[Stage.PROTECTED]! * inv;
    v[k++]![day] = c[Stage.NON_DETAINED]! * inv;
    v[k++]![day] = atd * inv;
    v[k++]![day] = c[Stage.REMAIN_IN_MEXICO]! * inv;
    v[k++]![day] = detained * inv;
    v[k++]![day] = c[Stage.DETAINED_DOCKET]! * inv;
    v[k++]![day] = c[Stage.AWAIT_CREDIBLE_FEAR]! * inv;
    v[k++]![day] =
      (c[Stage.AWAIT_DOCUMENTS]! + c[Stage.AWAIT_TRANSPORT]! + c[Stage.AWAIT_THIRD_COUNTRY]!) * inv;
    v[k++]![day] = (c[Stage.DETAINED_DOCKET]! + c[Stage.NON_DETAINED]! + c[Stage.REMAIN_IN_MEXICO]!) * inv;
    v[k++]![day] = (c[Stage.APPEAL_DETAINED]! + c[Stage.APPEAL_NON_DETAINED]!) * inv;
    v[k++]![day] = bedsHeld * inv;
    v[k++]![day] = m.atdCapacityAgents * inv;
    v[k++]![day] = m.caps.officers;
    v[k++]![day] = m.caps.judges;
    v[k++]![day] = m.caps.asylumOfficers;
    const f = m.flows;
    const flows = this.flowSeries;
    for (let i = 0; i < flows.length; i++) flows[i]![day] = f[i]! * inv;

    const rec = this.rec;
    const { cases, removal } = this;
    // Money as a resource: fully used on the days its exhaustion rations arrests or freezes capacity.
    rec.resource(day, "budget", this.budgetActs ? 1 : 0, 1);
    rec.resource(day, "beds", detained, bedsHeld);
    rec.resource(day, "atd", atd, m.atdCapacityAgents);
    rec.resource(day, "judges", cases.court.used, cases.court.offered);
    rec.resource(day, "asylum_officers", cases.cf.used, cases.cf.offered);
    rec.resource(day, "charter_seats", removal.air.used, removal.air.offered);
    rec.resource(day, "land_capacity", removal.land.used, removal.land.offered);
    rec.resource(day, "third_country_quota", removal.thirdCountryUsed, removal.thirdCountryOffered);
    rec.resource(day, "officers", f[F.arrestsAtLarge]!, this.arrests.today.atLargeCapacity);
  }

  /** Conservation and capacity, every day. */
  private checkDay(day: number, detained: number, atd: number, bedsHeld: number): void {
    const m = this.m;
    const s = m.store;
    const c = s.counts;
    const { cases, removal } = this;
    const inside = s.inside();
    const expected = s.created + s.inflows - s.exits;
    if (inside !== expected)
      this.fail(`day ${day}: ${inside} inside, expected ${expected} from inflows and exits`);
    let atLarge = m.ntaPendingCount; // at large with a notice not yet filed: in no pool until it is due
    for (const k of AT_LARGE_POOLS) atLarge += m.pools[k]!.size;
    if (atLarge !== c[Stage.AT_LARGE]! + c[Stage.AT_LARGE_ORDER]!) {
      this.fail(
        `day ${day}: at-large pools hold ${atLarge}, stage counters ${c[Stage.AT_LARGE]! + c[Stage.AT_LARGE_ORDER]!}`,
      );
    }
    let prot = m.pools[POOL_PAROLE_CHNV]!.size + m.pools[POOL_PAROLE_OTHER]!.size + m.pools[POOL_DACA]!.size;
    prot += m.pools[POOL_PENDING_ASYLUM]!.size;
    for (let n = 0; n < 12; n++) prot += m.pools[POOL_TPS + n]!.size;
    if (prot !== c[Stage.PROTECTED])
      this.fail(`day ${day}: protection pools hold ${prot}, stage counter ${c[Stage.PROTECTED]}`);
    for (let k = 0; k < FIRST_EXIT; k++)
      if (c[k]! < 0) this.fail(`day ${day}: stage ${STAGE_NAMES[k]} counter below zero`);
    m.checkCapacity("detention", detained, bedsHeld, day);
    m.checkCapacity("ATD", atd, m.atdCapacityAgents, day);
    m.checkCapacity("courts", cases.court.used, Math.floor(cases.court.offered + 1), day);
    m.checkCapacity("credible fear", cases.cf.used, Math.floor(cases.cf.offered + 1), day);
    m.checkCapacity("charter seats", removal.air.used, Math.floor(removal.air.offered + 1), day);
    m.checkCapacity("land", removal.land.used, Math.floor(removal.land.offered + 1), day);
  }

  /**
   * One pass over all rows at the end, whatever the daily-check setting: the counters must match the rows,
   * and the people inside must be the rows created plus inflows less exits.
   */
  finish(): SimulationOutput {
    const m = this.m;
    const s = m.store;
    const inside = s.inside();
    if (inside !== s.created + s.inflows - s.exits)
      this.fail(`end: ${inside} inside, expected ${s.created + s.inflows - s.exits}`);
    if (!this.o.dailyChecks)
      this.conservationMessages.push("daily conservation and capacity checks were off (dailyChecks: false)");
    const recount = s.recount();
    for (let k = 0; k < recount.length; k++) {
      if (recount[k] !== s.counts[k])
        this.fail(`end: stage ${STAGE_NAMES[k]} holds ${recount[k]} rows, counter says ${s.counts[k]}`);
    }
    return {
      model: m,
      recorder: this.rec,
      conservationMessages: this.conservationMessages,
      conservationOk: this.conservationOk,
      events: eventsOf(m),
      detentionDays: this.detentionDays,
    };
  }

  private fail(msg: string): void {
    this.conservationOk = false;
    if (this.conservationMessages.length < 5) this.conservationMessages.push(msg);
  }
}

const ARREST_CHANNELS = ["at_large", "custodial", "task_force", "national_guard"] as const;
const ARREST_FLOWS = [F.arrestsAtLarge, F.arrestsCustodial, F.arrestsTaskForce, F.arrestsGuard] as const;

/**
 * Model events: arrivals of people (population and new rows) and every stage change. Calendar pops are
 * not added: a timed step that fires is already counted as the stage change it causes.
 */
function eventsOf(m: Model): number {
  return m.store.transitions + m.store.created;
}

/**
 * When beds or ATD places are cut below use, release people from the queue stages (detained docket,
 * credible-fear queue, third-country and transport queues). People in timed stages (processing, waiting
 * for documents, appeals) keep their beds until they move on: returns the beds in use after the
 * releases, which is the capacity held that day (no new book-in happens while it exceeds the funded beds).
 */
function enforceCapacityCuts(m: Model, day: number): number {
  const s = m.store;
  let over = Math.ceil(m.detainedCount() - m.bedsAgents - 1e-9);
  while (over > 0 && m.detainedDocket.length > 0) {
    const id = m.detainedDocket.shift();
    if (s.stageOf(id) !== Stage.DETAINED_DOCKET) continue;
    m.leaveDetention(id, day);
    m.toNonDetained(id, day, true);
    m.flows[F.releasesWhenFull]++;
    over--;
  }
  while (over > 0 && m.cfQueue.length > 0) {
    const id = m.cfQueue.shift();
    if (s.stageOf(id) !== Stage.AWAIT_CREDIBLE_FEAR) continue;
    m.leaveDetention(id, day);
    m.toNonDetained(id, day, true);
    m.flows[F.releasesWhenFull]++;
    over--;
  }
  for (const q of [...m.thirdCountryQueues, m.landQueue, m.airQueue]) {
    while (over > 0 && q.length > 0) {
      const id = q.shift();
      const st = s.stageOf(id);
      if (st !== Stage.AWAIT_TRANSPORT && st !== Stage.AWAIT_THIRD_COUNTRY) continue;
      m.leaveDetention(id, day);
      m.toAtLarge(id, day);
      m.flows[F.releasesWhenFull]++;
      over--;
    }
  }
  const atdPool = m.pools[POOL_ATD]!;
  while (atdPool.size > m.atdCapacityAgents + 1e-9) {
    const id = atdPool.take(m.streams.routing);
    s.setPool(id, 255);
    s.clearFlags(id, Flag.ATD);
  }
  return Math.max(m.bedsAgents, m.detainedCount());
}

/**
 * Detention costs: occupied bed-days shared among bed blocks in proportion to their beds, or every bed
 * held, as the scenario's accounting says.
 */
function chargeDetention(m: Model, day: number, detainedAgents: number): void {
  const p = m.params;
  const costs = p.breakdown("detention.cost_per_bed_day").at(day);
  const total = m.caps.beds;
  const occupied = detainedAgents / m.scale;
  const held = m.scenario.accounting.detention === "capacity_held";
  for (const b of m.caps.bedBlocks) {
    if (b.beds <= 0) continue;
    const quantity = held ? b.beds : total > 0 ? (occupied * b.beds) / total : 0;
    const unit = b.costPerBedDay ?? costs[b.facility];
    m.ledger.charge(
      day,
      "detention",
      `beds.${b.facility}`,
      "operating",
      held ? "bed-days held" : "occupied bed-days",
      quantity,
      unit,
      b.source,
    );
  }
  if (total <= 0 && occupied > 0) {
    // Occupancy left over after every bed was closed: charged at the existing-facility rate.
    m.ledger.charge(
      day,
      "detention",
      `beds.${FACILITY_TYPES[0]}`,
      "operating",
      "occupied bed-days",
      occupied,
      costs.existing,
      "detention.cost_per_bed_day",
    );
  }
}
