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
  const H = scenario.horizonDays;
  const scale = scenario.scale;
  const m = new Model(scenario, params, makeStreams(root), o.delayCv, expectedRows(scenario, params));
  const rec = new Recorder(H, scenario.startEpochDay);
  const border = new BorderChannel(m);
  const arrests = new Arrests(m);
  const cases = new Cases(m);
  const removal = new Removal(m);
  const protections = new Protections(m);
  const departures = new Departures(m);
  const s = m.store;
  const p = params;
  const ledger = m.ledger;
  const conservationMessages: string[] = [];
  let conservationOk = true;
  let detentionDays = 0;

  for (const fy of fiscalYearsCovered(scenario.startEpochDay, H)) {
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

  const beginDay = (day: number) => {
    m.policy.update(day);
    const st = m.policy.state;
    const frozen = st.whenBudgetExhausted === "stop_capacity" && ledger.isExhausted("ICE", day);
    m.caps.update(day, frozen, ledger);
    m.today.update(p, st, day);
    m.bedsAgents = m.caps.beds * scale;
    m.atdCapacityAgents = (st.atdCapacity ?? p.scalar("detention.atd_capacity").at(day)) * scale;
  };

  /** One timed step: acts only when the person is still where the step was scheduled for. */
  const runTimedStep = (type: number, id: number, day: number): void => {
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
        cases.appealDone(id, day);
        break;
      case Ev.PAROLE_END:
        protections.paroleEnd(id, day);
        break;
      case Ev.REENTRY:
        border.reenter(id, day);
        break;
      case Ev.PROTECTION_END:
        protections.end(id, day);
        break;
      default:
        throw new Error(`unknown calendar event type ${type}`);
    }
  };
  const batchType = new Int32Array(CALENDAR_BATCH);
  const batchId = new Int32Array(CALENDAR_BATCH);

  beginDay(0);
  // The at-large class pools hold most of the population; sized up front, they never copy themselves.
  for (let c = 0; c < 4; c++) m.pools[POOL_AT_LARGE + c]!.reserve(m.store.capacity);
  synthesizePopulation(m);
  arrests.initialPool = arrests.atLargeSize();
  departures.referenceIntensity =
    arrests.initialPool > 0 ? (arrests.expectedPerDay(0) * 365) / arrests.initialPool : 0;
  protections.schedule();
  let lastProgress = 0;

  for (let day = 0; day < H; day++) {
    if (day > 0) beginDay(day);
    const st = m.policy.state;
    m.ageCohorts(day);
    const bedsHeld = enforceCapacityCuts(m, day);

    // Timed steps due today, in calendar order, taken in batches: a batch's rows are prefetched together
    // (see PersonStore.prefetch). Steps scheduled for today while a batch runs join the calendar's tail,
    // so the order is the same as popping one event at a time.
    const cal = m.calendar;
    while (cal.size > 0 && cal.peekTime() <= day) {
      let n = 0;
      while (n < CALENDAR_BATCH && cal.size > 0 && cal.peekTime() <= day) {
        cal.pop();
        batchType[n] = cal.type;
        batchId[n] = cal.entity;
        n++;
      }
      m.calendarEvents += n;
      s.prefetch(batchId, n);
      for (let j = 0; j < n; j++) runTimedStep(batchType[j], batchId[j], day);
    }

    border.step(day);
    // Each service takes about yesterday's capacity from the head of its queue: prefetch those rows.
    s.prefetchQueue(m.airQueue, removal.air.offered + 1);
    s.prefetchQueue(m.landQueue, removal.land.offered + 1);
    removal.stepTransport(day);
    removal.stepThirdCountry(day);
    s.prefetchQueue(m.cfQueue, cases.cf.offered + 1);
    cases.stepCredibleFear(day);
    const courtSlots = cases.court.offered + 1;
    s.prefetchQueue(m.detainedDocket, courtSlots);
    s.prefetchQueue(m.rimQueue, courtSlots);
    s.prefetchQueue(m.nonDetainedDocket, courtSlots);
    cases.stepCourts(day);
    cases.stepReferrals(day);
    const rationed = st.whenBudgetExhausted === "ration_arrests" && ledger.isExhausted("ICE", day);
    arrests.step(day, rationed);
    departures.recordArrests(day, arrests.today.interiorArrests);
    departures.step(day, arrests.atLargeSize());

    // Costs charged once a day from the day's counters.
    const f = m.flows;
    const arrestCost = p.breakdown("arrests.cost_per_arrest").at(day);
    const channels = [
      ["at_large", F.arrestsAtLarge],
      ["custodial", F.arrestsCustodial],
      ["task_force", F.arrestsTaskForce],
      ["national_guard", F.arrestsGuard],
    ] as const;
    for (const [ch, idx] of channels) {
      ledger.chargeAgents(
        day,
        "arrest",
        ch,
        "operating",
        "arrests",
        f[idx],
        arrestCost[ch],
        "arrests.cost_per_arrest",
      );
    }
    const detained = m.detainedCount();
    detentionDays += detained;
    chargeDetention(m, day, detained);
    const atd = m.pools[POOL_ATD]!.size;
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
      f[F.cfInterviews],
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

    // Series (full scale).
    const c = s.counts;
    const inv = 1 / scale;
    const put = (name: string, v: number) => {
      rec.daily[name]![day] = v;
    };
    put("stock.at_large", c[Stage.AT_LARGE] * inv);
    put("stock.at_large_with_order", c[Stage.AT_LARGE_ORDER] * inv);
    put("stock.protected", c[Stage.PROTECTED] * inv);
    put("stock.non_detained_docket", c[Stage.NON_DETAINED] * inv);
    put("stock.atd", atd * inv);
    put("stock.remain_in_mexico", c[Stage.REMAIN_IN_MEXICO] * inv);
    put("stock.detained", detained * inv);
    put("stock.detained_docket", c[Stage.DETAINED_DOCKET] * inv);
    put("stock.awaiting_credible_fear", c[Stage.AWAIT_CREDIBLE_FEAR] * inv);
    put(
      "stock.awaiting_removal",
      (c[Stage.AWAIT_DOCUMENTS] + c[Stage.AWAIT_TRANSPORT] + c[Stage.AWAIT_THIRD_COUNTRY]) * inv,
    );
    put(
      "stock.court_backlog",
      (c[Stage.DETAINED_DOCKET] + c[Stage.NON_DETAINED] + c[Stage.REMAIN_IN_MEXICO]) * inv,
    );
    put("stock.appeals_pending", (c[Stage.APPEAL_DETAINED] + c[Stage.APPEAL_NON_DETAINED]) * inv);
    put("capacity.beds", bedsHeld * inv);
    put("capacity.atd", m.atdCapacityAgents * inv);
    put("capacity.officers", m.caps.officers);
    put("capacity.judges", m.caps.judges);
    put("capacity.asylum_officers", m.caps.asylumOfficers);
    for (let i = 0; i < ALL_FLOWS.length; i++) rec.daily[ALL_FLOWS[i]!]![day] = f[i] * inv;

    rec.resource(day, "beds", detained, bedsHeld);
    rec.resource(day, "atd", atd, m.atdCapacityAgents);
    rec.resource(day, "judges", cases.court.used, cases.court.offered);
    rec.resource(day, "asylum_officers", cases.cf.used, cases.cf.offered);
    rec.resource(day, "charter_seats", removal.air.used, removal.air.offered);
    rec.resource(day, "land_capacity", removal.land.used, removal.land.offered);
    rec.resource(day, "third_country_quota", removal.thirdCountryUsed, removal.thirdCountryOffered);
    rec.resource(day, "officers", f[F.arrestsAtLarge], arrests.today.atLargeCapacity);

    if (o.dailyChecks) {
      const inside = s.inside();
      const expected = s.created + s.inflows - s.exits;
      if (inside !== expected)
        fail(`day ${day}: ${inside} inside, expected ${expected} from inflows and exits`);
      let atLarge = 0;
      for (const k of AT_LARGE_POOLS) atLarge += m.pools[k]!.size;
      if (atLarge !== c[Stage.AT_LARGE] + c[Stage.AT_LARGE_ORDER]) {
        fail(
          `day ${day}: at-large pools hold ${atLarge}, stage counters ${c[Stage.AT_LARGE] + c[Stage.AT_LARGE_ORDER]}`,
        );
      }
      let prot =
        m.pools[POOL_PAROLE_CHNV]!.size + m.pools[POOL_PAROLE_OTHER]!.size + m.pools[POOL_DACA]!.size;
      prot += m.pools[POOL_PENDING_ASYLUM]!.size;
      for (let n = 0; n < 12; n++) prot += m.pools[POOL_TPS + n]!.size;
      if (prot !== c[Stage.PROTECTED])
        fail(`day ${day}: protection pools hold ${prot}, stage counter ${c[Stage.PROTECTED]}`);
      for (let k = 0; k < FIRST_EXIT; k++)
        if (c[k] < 0) fail(`day ${day}: stage ${STAGE_NAMES[k]} counter below zero`);
      m.checkCapacity("detention", detained, bedsHeld, day);
      m.checkCapacity("ATD", atd, m.atdCapacityAgents, day);
      m.checkCapacity("courts", cases.court.used, Math.floor(cases.court.offered + 1), day);
      m.checkCapacity("credible fear", cases.cf.used, Math.floor(cases.cf.offered + 1), day);
      m.checkCapacity("charter seats", removal.air.used, Math.floor(removal.air.offered + 1), day);
      m.checkCapacity("land", removal.land.used, Math.floor(removal.land.offered + 1), day);
    }
    f.fill(0);
    if (o.onProgress && (day - lastProgress >= 30 || day === H - 1)) {
      lastProgress = day;
      o.onProgress(day + 1, H, eventsOf(m));
    }
  }

  // One pass over all rows at the end, whatever the daily-check setting: the counters must match the rows,
  // and the people inside must be the rows created plus inflows less exits.
  {
    const inside = s.inside();
    if (inside !== s.created + s.inflows - s.exits)
      fail(`end: ${inside} inside, expected ${s.created + s.inflows - s.exits}`);
    if (!o.dailyChecks)
      conservationMessages.push("daily conservation and capacity checks were off (dailyChecks: false)");
    const recount = s.recount();
    for (let k = 0; k < recount.length; k++) {
      if (recount[k] !== s.counts[k])
        fail(`end: stage ${STAGE_NAMES[k]} holds ${recount[k]} rows, counter says ${s.counts[k]}`);
    }
  }

  function fail(msg: string): void {
    conservationOk = false;
    if (conservationMessages.length < 5) conservationMessages.push(msg);
  }

  return {
    model: m,
    recorder: rec,
    conservationMessages,
    conservationOk,
    events: eventsOf(m),
    detentionDays,
  };
}

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
