/**
 * The border channel: CBP encounters by nationality group under border policy, their dispositions, got-aways
 * and visa overstays (new rows), and re-entries of removed people. Counts per day are Poisson draws split by
 * binomials; only people who enter ICE custody or the interior become rows.
 */
import { BORDER_DISPOSITIONS, NATIONALITY_GROUPS, SECTORS } from "../params/catalog.ts";
import { bernoulliThreshold, SmallDiscrete } from "./discrete.ts";
import { binomial, poisson } from "./engine.ts";
import { F } from "./flows.ts";
import { Ev, type Model } from "./model.ts";
import { Flag, POOL_PAROLE_OTHER, Protection, Stage } from "./stages.ts";

const NAT = NATIONALITY_GROUPS.length;
const D = {
  returned: 0,
  er: 1,
  detainedNta: 2,
  releasedNta: 3,
  paroled: 4,
  rim: 5,
} as const;
const MEXICO = NATIONALITY_GROUPS.indexOf("mexico");
/** Dispositions of people who would enter the U.S. (Remain in Mexico takes its share from these). */
const ENTERING = [D.er, D.detainedNta, D.releasedNta, D.paroled] as const;

export class BorderChannel {
  private readonly shares = new Float64Array(BORDER_DISPOSITIONS.length);
  private overstayTable: SmallDiscrete | null = null;
  private overstayTableDay = Number.NaN;
  private sectorTable: SmallDiscrete | null = null;
  private employedThreshold = 0;
  private employedDay = -1;
  /** Share of border book-ins ICE counts as its own arrests, for today. */
  private iceProcessed = 0;
  /** Re-entries of removed people that ended in an encounter today, and their 30-day running mean. */
  private reentryEncountersToday = 0;
  private reentryEncounterMean = 0;

  constructor(private readonly m: Model) {}

  /** Disposition shares in force (event override, then Remain in Mexico share), for nationality n. */
  private dispositionShares(day: number, n: number): Float64Array {
    const st = this.m.policy.state;
    const base = st.dispositions ?? this.m.params.breakdown("border.dispositions").at(day);
    const s = this.shares;
    let total = 0;
    for (let i = 0; i < BORDER_DISPOSITIONS.length; i++) {
      s[i] = Math.max(0, base[BORDER_DISPOSITIONS[i]] ?? 0);
      total += s[i];
    }
    if (total > 0) for (let i = 0; i < s.length; i++) s[i] /= total;
    const rim = st.remainInMexicoShare;
    // Remain in Mexico takes a share of those who would otherwise enter; Mexican nationals cannot be
    // returned to Mexico to wait there.
    if (rim > 0 && n !== MEXICO) {
      const entering = 1 - s[D.returned] - s[D.rim];
      for (const i of ENTERING) s[i] *= 1 - rim;
      s[D.rim] += entering * rim;
    }
    if (n === MEXICO && s[D.rim] > 0) {
      s[D.releasedNta] += s[D.rim];
      s[D.rim] = 0;
    }
    return s;
  }

  /**
   * Adds `count` new arrivals' rows (ids first .. first + count - 1, returns first): employment and sector
   * drawn from the population shares (no criminal record, no U.S.-citizen child on arrival).
   */
  private newRows(count: number, stage: number, n: number, day: number): number {
    const m = this.m;
    const rng = m.streams.border;
    const store = m.store;
    if (this.employedDay !== day) {
      this.employedDay = day;
      this.employedThreshold = bernoulliThreshold(m.today.shareEmployed);
    }
    if (!this.sectorTable) {
      const sh = m.params.breakdown("population.employment_by_sector").at(day);
      this.sectorTable = new SmallDiscrete(SECTORS.map((k) => sh[k]));
    }
    const threshold = this.employedThreshold;
    const sectors = this.sectorTable;
    const first = store.size;
    for (let i = 0; i < count; i++) {
      if (rng.nextUint32() < threshold) store.add(stage, n, Flag.EMPLOYED, sectors.sample(rng), day, day);
      else store.add(stage, n, 0, 255, day, day);
    }
    return first;
  }

  /** Sends one arriving person (a new row, or a re-entrant's row) down a disposition. */
  private admit(id: number, disposition: number, day: number): void {
    const m = this.m;
    const s = m.store;
    switch (disposition) {
      case D.er:
      case D.detainedNta:
        if (disposition === D.er) s.addFlags(id, Flag.ER_PATH);
        if (this.iceProcessed > 0 && m.streams.border.next() < this.iceProcessed) {
          m.flows[F.arrestsBorderProcessed]++;
        }
        if (m.hasFreeBed()) m.bookIn(id, day, true);
        else {
          // Released with a notice to appear instead: no expedited removal if arrested again later.
          s.clearFlags(id, Flag.ER_PATH);
          m.releaseWithoutBed(id, day);
        }
        break;
      case D.releasedNta:
        m.releaseWithNotice(id, day);
        break;
      case D.paroled: {
        s.move(id, Stage.PROTECTED, day);
        s.setProtection(id, Protection.PAROLE_OTHER);
        m.joinPool(id, POOL_PAROLE_OTHER);
        const days = m.delay(m.params.scalar("border.parole_duration_days").at(day));
        m.schedule(day + Math.max(1, days), Ev.PAROLE_END, id);
        break;
      }
      case D.rim:
        s.move(id, Stage.REMAIN_IN_MEXICO, day);
        m.rimQueue.push(id);
        break;
      default:
        throw new Error(`disposition ${disposition} does not admit`);
    }
  }

  private static readonly FLOW_OF = [
    F.returned,
    F.borderEr,
    F.borderDetainedNta,
    F.borderReleasedNta,
    F.borderParoled,
    F.borderRim,
  ];

  step(day: number): void {
    const m = this.m;
    const p = m.params;
    const rng = m.streams.border;
    const st = m.policy.state;
    const scale = m.scale;
    const perDay = p.scalar("border.encounters").at(day) / 365;
    const gotPerDay = p.scalar("border.gotaways").at(day) / 365;
    const natShare = p.breakdown("border.encounter_share_by_nationality").at(day);
    this.iceProcessed = p.scalar("border.ice_processed_share").at(day);
    const fresh = this.freshShare(perDay * scale, p.scalar("border.repeat_encounter_share").at(day));
    for (let n = 0; n < NAT; n++) {
      const share = natShare[NATIONALITY_GROUPS[n]!];
      if (!(share > 0)) continue;
      const enc = poisson(rng, perDay * share * st.encounterMultiplier[n] * scale * fresh);
      if (enc > 0) {
        m.flows[F.encounters] += enc;
        const shares = this.dispositionShares(day, n);
        let left = enc;
        let rest = 1;
        for (let d = 0; d < shares.length && left > 0; d++) {
          const k = d === shares.length - 1 ? left : binomial(rng, left, Math.min(1, shares[d] / rest));
          rest -= shares[d];
          left -= k;
          if (k === 0) continue;
          m.flows[BorderChannel.FLOW_OF[d]!] += k;
          if (d === D.returned) continue;
          // New rows start counted in a stage; admit() moves them to their real one.
          const first = this.newRows(k, Stage.REMAIN_IN_MEXICO, n, day);
          for (let i = 0; i < k; i++) this.admitNew(first + i, d, day);
        }
      }
      const got = poisson(rng, gotPerDay * share * st.gotawayMultiplier[n] * scale);
      const firstGot = this.newRows(got, Stage.AT_LARGE, n, day);
      for (let i = 0; i < got; i++) m.joinAtLarge(firstGot + i, day);
      m.flows[F.gotaways] += got;
    }
    const over = poisson(rng, (p.scalar("border.visa_overstays").at(day) / 365) * scale);
    if (over > 0) {
      if (this.overstayTableDay !== day || !this.overstayTable) {
        const sh = p.breakdown("population.share_by_nationality").at(day);
        this.overstayTable = new SmallDiscrete(NATIONALITY_GROUPS.map((k) => sh[k]));
        this.overstayTableDay = day;
      }
      for (let i = 0; i < over; i++) {
        const n = this.overstayTable.sample(rng);
        m.joinAtLarge(this.newRows(1, Stage.AT_LARGE, n, day), day);
      }
      m.flows[F.overstays] += over;
    }
  }

  /**
   * The share of today's encounters that are new people. `border.encounters` counts events, and a share
   * `border.repeat_encounter_share` of them are people encountered before: removed people the model re-enters
   * (reenter) take part of that share, so they are not added on top of the published count; returned people
   * who try again take the rest and stay counts. When re-entries exceed the repeat share, the excess is added.
   */
  private freshShare(expected: number, repeatShare: number): number {
    this.reentryEncounterMean += (this.reentryEncountersToday - this.reentryEncounterMean) / 30;
    this.reentryEncountersToday = 0;
    if (!(expected > 0)) return 1;
    return 1 - Math.min(this.reentryEncounterMean, repeatShare * expected) / expected;
  }

  /** A new row was added in REMAIN_IN_MEXICO as a placeholder stage; admit() moves it unless it is RIM. */
  private admitNew(id: number, d: number, day: number): void {
    if (d === D.rim) {
      this.m.rimQueue.push(id);
      return;
    }
    this.m.store.transitions--; // the placeholder move is not a model event
    this.admit(id, d, day);
  }

  /** A removed person crosses again: a got-away, or an encounter with the current dispositions. */
  reenter(id: number, day: number): void {
    const m = this.m;
    const s = m.store;
    if (s.stageOf(id) !== Stage.REMOVED) return;
    const p = m.params;
    const rng = m.streams.border;
    m.flows[F.reentries]++;
    s.setEntryDay(id, day);
    const enc = p.scalar("border.encounters").at(day);
    const got = p.scalar("border.gotaways").at(day);
    const n = s.nationalityOf(id);
    if (enc + got <= 0 || rng.next() < got / (enc + got)) {
      m.flows[F.gotaways]++;
      m.toAtLarge(id, day);
      return;
    }
    m.flows[F.encounters]++;
    this.reentryEncountersToday++;
    const shares = this.dispositionShares(day, n);
    let u = rng.next();
    let d = 0;
    while (d < shares.length - 1 && u >= shares[d]) {
      u -= shares[d];
      d++;
    }
    m.flows[BorderChannel.FLOW_OF[d]!]++;
    if (d === D.returned) {
      // Returned again: the person stays outside; they may try again after the re-entry delay.
      const delay = m.delay(p.scalar("border.reentry_delay_days").at(day));
      if (rng.next() < p.scalar("border.reentry_share").at(day)) m.schedule(day + 1 + delay, Ev.REENTRY, id);
      return;
    }
    if (d === D.rim) {
      s.move(id, Stage.REMAIN_IN_MEXICO, day);
      m.rimQueue.push(id);
      return;
    }
    this.admit(id, d, day);
  }
}
