/**
 * Cases after booking: credible-fear screening by asylum officers (first come, first served), immigration
 * courts (judge capacity per day; the detained docket first once a case has waited its minimum time, then
 * Remain in Mexico, then the non-detained docket), outcomes by docket, in-absentia orders, appeals with their delay, and referrals of pending
 * affirmative asylum cases to court.
 */
import { COURT_OUTCOMES } from "../params/catalog.ts";
import { DailyCapacity } from "./capacity-meter.ts";
import { poisson } from "./engine.ts";
import { F } from "./flows.ts";
import { Ev, type Model } from "./model.ts";
import { Flag, POOL_PENDING_ASYLUM, Stage } from "./stages.ts";

const OUTCOME_FLOW = [
  F.completionRemovalOrder,
  F.completionVoluntaryDeparture,
  F.completionRelief,
  F.completionTermination,
];
const O = { removal: 0, departure: 1, relief: 2, termination: 3 } as const;

export class Cases {
  readonly cf = new DailyCapacity();
  readonly court = new DailyCapacity();
  /** Court decisions on the detained docket and for Remain-in-Mexico cases in the last court day. */
  detainedAndRimDecided = 0;
  /** Of which on the detained docket. */
  detainedDecided = 0;

  constructor(private readonly m: Model) {}

  private drawOutcome(detained: boolean): number {
    const t = this.m.today;
    const sh = detained ? t.outcomesDetained : t.outcomesNonDetained;
    let u = this.m.streams.courts.next();
    for (let i = 0; i < COURT_OUTCOMES.length - 1; i++) {
      const s = sh[i];
      if (u < s) return i;
      u -= s;
    }
    return COURT_OUTCOMES.length - 1;
  }

  stepCredibleFear(day: number): void {
    const m = this.m;
    const p = m.params;
    const perDay =
      (m.caps.asylumOfficers * p.scalar("expedited_removal.interviews_per_officer_year").at(day) * m.scale) /
      365;
    const slots = this.cf.open(perDay);
    const positive = p.scalar("expedited_removal.credible_fear_positive_share").at(day);
    const s = m.store;
    const wait = m.waits.get("credible_fear")!;
    let used = 0;
    while (used < slots && m.cfQueue.length > 0) {
      const id = m.cfQueue.shift();
      if (s.stageOf(id) !== Stage.AWAIT_CREDIBLE_FEAR) continue;
      used++;
      wait.add(day - s.stageDayOf(id));
      m.flows[F.cfInterviews]++;
      if (m.streams.courts.next() < positive) m.noticeToAppear(id, day);
      else m.orderRemoval(id, day, true);
    }
    this.cf.close(used);
  }

  /** Pending affirmative asylum cases referred to court (the parameter's other receipts a year). */
  stepReferrals(day: number): void {
    const m = this.m;
    const mean = (m.params.scalar("courts.other_receipts").at(day) * m.scale) / 365;
    const n = poisson(m.streams.courts, mean);
    const pool = m.pools[POOL_PENDING_ASYLUM]!;
    const k = Math.min(n, pool.size);
    const referred = pool.takeMany(m.streams.courts, k);
    for (let i = 0; i < k; i++) {
      const id = referred[i];
      m.store.setPool(id, 255);
      m.store.setProtection(id, 0);
      m.toNonDetained(id, day, false);
    }
  }

  stepCourts(day: number): void {
    const m = this.m;
    const p = m.params;
    const perDay = (m.caps.judges * p.scalar("courts.completions_per_judge_year").at(day) * m.scale) / 365;
    const slots = this.court.open(perDay);
    const s = m.store;
    let used = 0;
    const dd = m.waits.get("detained_docket")!;
    // Detained cases go first on judge time but cannot be decided before the hearings they need; the queue is
    // in order of filing, so the first case not yet ripe ends the detained docket's turn today.
    const ripeAfter = p.scalar("courts.detained_min_days").at(day);
    while (used < slots && m.detainedDocket.length > 0) {
      const id = m.detainedDocket.peek();
      if (s.stageOf(id) !== Stage.DETAINED_DOCKET) {
        m.detainedDocket.shift();
        continue;
      }
      if (day - s.stageDayOf(id) < ripeAfter) break;
      m.detainedDocket.shift();
      used++;
      dd.add(day - s.stageDayOf(id));
      this.decideDetained(id, day);
    }
    this.detainedDecided = used;
    const rw = m.waits.get("remain_in_mexico")!;
    const abscond = p.scalar("border.remain_in_mexico_absconding_share").at(day);
    while (used < slots && m.rimQueue.length > 0) {
      const id = m.rimQueue.shift();
      if (s.stageOf(id) !== Stage.REMAIN_IN_MEXICO) continue;
      used++;
      rw.add(day - s.stageDayOf(id));
      this.decideRemainInMexico(id, day, abscond);
    }
    this.detainedAndRimDecided = used;
    const nw = m.waits.get("non_detained_docket")!;
    const inAbsentia = p.scalar("courts.in_absentia_share").at(day);
    while (used < slots && m.nonDetainedDocket.length > 0) {
      const id = m.nonDetainedDocket.shift();
      if (s.stageOf(id) !== Stage.NON_DETAINED) continue;
      used++;
      nw.add(day - s.stageDayOf(id));
      this.decideNonDetained(id, day, inAbsentia);
    }
    this.court.close(used);
    const cost = p.scalar("courts.cost_per_completion").at(day);
    if (m.scenario.accounting.courts === "per_completion") {
      m.ledger.chargeAgents(
        day,
        "courts",
        "completions",
        "operating",
        "completions",
        used,
        cost,
        "courts.cost_per_completion",
      );
    } else {
      // Capacity held: every judge-day is paid at its completion-equivalent, used or not.
      m.ledger.chargeAgents(
        day,
        "courts",
        "judge_capacity",
        "operating",
        "completion-equivalents",
        perDay,
        cost,
        "courts.cost_per_completion",
      );
    }
  }

  private appealOrOrder(id: number, day: number, detained: boolean): void {
    const m = this.m;
    const t = m.today;
    if (m.streams.courts.next() < t.appealShare) {
      if (!detained) m.leaveNonDetained(id);
      m.store.move(id, detained ? Stage.APPEAL_DETAINED : Stage.APPEAL_NON_DETAINED, day);
      const mean = detained ? t.appealDaysDetained : t.appealDays;
      m.schedule(day + Math.max(1, m.delay(mean)), Ev.APPEAL_DONE, id);
      return;
    }
    this.finalOrder(id, day, detained);
  }

  private finalOrder(id: number, day: number, detained: boolean): void {
    const m = this.m;
    if (detained) {
      m.orderRemoval(id, day, true);
      return;
    }
    m.flows[F.orders]++;
    m.leaveNonDetained(id);
    m.store.addFlags(id, Flag.HAS_ORDER);
    m.toAtLarge(id, day);
  }

  private decideDetained(id: number, day: number): void {
    const m = this.m;
    const o = this.drawOutcome(true);
    m.flows[OUTCOME_FLOW[o]!]++;
    if (o === O.removal) {
      this.appealOrOrder(id, day, true);
      return;
    }
    m.leaveDetention(id, day);
    if (o === O.departure) m.store.move(id, Stage.DEPARTED, day);
    else if (o === O.relief) m.store.move(id, Stage.LEGAL_STATUS, day);
    else m.toAtLarge(id, day);
  }

  private decideNonDetained(id: number, day: number, inAbsentia: number): void {
    const m = this.m;
    if (m.streams.courts.next() < inAbsentia) {
      m.flows[F.completionInAbsentia]++;
      this.finalOrder(id, day, false);
      return;
    }
    const o = this.drawOutcome(false);
    m.flows[OUTCOME_FLOW[o]!]++;
    if (o === O.removal) {
      this.appealOrOrder(id, day, false);
      return;
    }
    m.leaveNonDetained(id);
    if (o === O.departure) m.store.move(id, Stage.DEPARTED, day);
    else if (o === O.relief) m.store.move(id, Stage.LEGAL_STATUS, day);
    else m.toAtLarge(id, day);
  }

  /**
   * A Remain-in-Mexico hearing. Those who do not appear get an in-absentia order and are taken to have
   * entered the interior; others are decided abroad (relief admits them; other outcomes end the case
   * outside the U.S.).
   */
  private decideRemainInMexico(id: number, day: number, abscond: number): void {
    const m = this.m;
    if (m.streams.courts.next() < abscond) {
      m.flows[F.completionInAbsentia]++;
      m.flows[F.orders]++;
      m.store.addFlags(id, Flag.HAS_ORDER);
      m.toAtLarge(id, day);
      return;
    }
    const o = this.drawOutcome(false);
    m.flows[OUTCOME_FLOW[o]!]++;
    if (o === O.removal) m.flows[F.orders]++;
    m.store.move(id, o === O.relief ? Stage.LEGAL_STATUS : Stage.OUTSIDE, day);
  }

  /** An appeal decided: sustained appeals end in relief; others make the order final. */
  appealDone(id: number, day: number): void {
    const m = this.m;
    const st = m.store.stageOf(id);
    if (st !== Stage.APPEAL_DETAINED && st !== Stage.APPEAL_NON_DETAINED) return;
    const detained = st === Stage.APPEAL_DETAINED;
    if (m.streams.courts.next() < m.today.appealSustained) {
      if (detained) m.leaveDetention(id, day);
      m.store.move(id, Stage.LEGAL_STATUS, day);
      return;
    }
    this.finalOrder(id, day, detained);
  }
}
