/**
 * Population synthesis on day 0: the unauthorized population by legal situation (protections, final orders
 * at large, cases pending on the non-detained docket, people in ICE detention, the rest removable with no status,
 * a share of them removed before), nationality
 * group, years in the U.S. and flags (criminal record, U.S.-citizen child, employment and sector). Counts
 * are scaled by `scale` with random rounding, so the expected count is exact at any scale.
 */
import { NATIONALITY_GROUPS, SECTORS, YEARS_IN_US_BUCKETS } from "../params/catalog.ts";
import { bernoulliThreshold, SmallDiscrete, smallInt } from "./discrete.ts";
import type { RandomStream } from "./engine.ts";
import type { Model } from "./model.ts";
import {
  Flag,
  POOL_ATD,
  POOL_DACA,
  POOL_PAROLE_CHNV,
  POOL_PAROLE_OTHER,
  POOL_PENDING_ASYLUM,
  POOL_TPS,
  Protection,
  Stage,
} from "./stages.ts";

/** Entry-day ranges (days before the start) of the years-in-U.S. buckets. */
const YEARS_RANGE: Record<(typeof YEARS_IN_US_BUCKETS)[number], readonly [number, number]> = {
  lt2: [0, 730],
  y2to5: [730, 1826],
  y5to10: [1826, 3652],
  y10plus: [3652, 9131],
};
const CHNV = ["cuba", "haiti", "nicaragua", "venezuela"] as const;

function scaledCount(rng: RandomStream, persons: number, scale: number): number {
  const x = Math.max(0, persons) * scale;
  const whole = Math.floor(x);
  return whole + (rng.next() < x - whole ? 1 : 0);
}

export interface SynthesisCounts {
  readonly persons: number;
  readonly byLegal: Readonly<Record<string, number>>;
}

/** Nationality of a new person: a fixed group (≥ 0), drawn from the population's mix, or from CHNV's. */
const NAT_POPULATION = -1;
const NAT_CHNV = -2;
/** Years-in-U.S. bucket drawn from the population's mix. */
const BUCKET_DRAWN = -1;

/**
 * Adds people row by row. A class rather than closures inside one long function: each loop is a small
 * method, so it is optimised once and reused by every replication in the thread instead of being
 * compiled on the fly again in each replication.
 */
class Synthesizer {
  private readonly rng: RandomStream;
  private readonly natTable: SmallDiscrete;
  private readonly chnvTable: SmallDiscrete;
  private readonly chnvIndex: readonly number[];
  private readonly yearTable: SmallDiscrete;
  private readonly sectorTable: SmallDiscrete;
  private readonly pCriminal: number;
  private readonly pChild: number;
  private readonly pEmployed: number;
  private readonly rangeLo: readonly number[];
  private readonly rangeWidth: readonly number[];

  constructor(private readonly m: Model) {
    const p = m.params;
    this.rng = m.streams.population;
    const natShares = p.breakdown("population.share_by_nationality").at(0);
    this.natTable = new SmallDiscrete(NATIONALITY_GROUPS.map((k) => natShares[k]));
    this.chnvTable = new SmallDiscrete(CHNV.map((k) => Math.max(1e-12, natShares[k])));
    this.chnvIndex = CHNV.map((k) => NATIONALITY_GROUPS.indexOf(k));
    const yearShares = p.breakdown("population.years_in_us").at(0);
    this.yearTable = new SmallDiscrete(YEARS_IN_US_BUCKETS.map((k) => yearShares[k]));
    const sectorShares = p.breakdown("population.employment_by_sector").at(0);
    this.sectorTable = new SmallDiscrete(SECTORS.map((k) => sectorShares[k]));
    this.pCriminal = bernoulliThreshold(p.scalar("population.share_with_criminal_record").at(0));
    this.pChild = bernoulliThreshold(p.scalar("population.share_with_us_citizen_child").at(0));
    this.pEmployed = bernoulliThreshold(p.scalar("population.share_employed").at(0));
    this.rangeLo = YEARS_IN_US_BUCKETS.map((b) => YEARS_RANGE[b][0]);
    this.rangeWidth = YEARS_IN_US_BUCKETS.map((b) => YEARS_RANGE[b][1] - YEARS_RANGE[b][0]);
  }

  nationality(source: number): number {
    if (source >= 0) return source;
    if (source === NAT_CHNV) return this.chnvIndex[this.chnvTable.sample(this.rng)]!;
    return this.natTable.sample(this.rng);
  }

  /** One person: flags (criminal record, U.S.-citizen child, employment and sector), then the entry day. */
  add(stage: number, nat: number, bucket: number): number {
    const rng = this.rng;
    let flags = 0;
    let sector = 255;
    if (rng.nextUint32() < this.pCriminal) flags |= Flag.CRIMINAL;
    if (rng.nextUint32() < this.pChild) flags |= Flag.US_CHILD;
    if (rng.nextUint32() < this.pEmployed) {
      flags |= Flag.EMPLOYED;
      sector = this.sectorTable.sample(rng);
    }
    const b = bucket === BUCKET_DRAWN ? this.yearTable.sample(rng) : bucket;
    const entry = -(this.rangeLo[b]! + smallInt(rng, this.rangeWidth[b]!));
    return this.m.store.add(stage, nat, flags, sector, entry, 0);
  }

  addProtected(count: number, natSource: number, bucket: number, protection: number, pool: number): void {
    const m = this.m;
    for (let i = 0; i < count; i++) {
      const id = this.add(Stage.PROTECTED, this.nationality(natSource), bucket);
      m.store.setProtection(id, protection);
      m.joinPool(id, pool);
    }
  }

  addFinalOrders(count: number): void {
    const m = this.m;
    for (let i = 0; i < count; i++) {
      const id = this.add(Stage.AT_LARGE_ORDER, this.natTable.sample(this.rng), BUCKET_DRAWN);
      m.store.addFlags(id, Flag.HAS_ORDER);
      m.joinAtLarge(id, 0);
    }
  }

  /** Pending cases on the non-detained docket, the first `atdRoom` of them enrolled in ATD. */
  addPendingCases(count: number, atdRoom: number): void {
    const m = this.m;
    for (let i = 0; i < count; i++) {
      const id = this.add(Stage.NON_DETAINED, this.natTable.sample(this.rng), BUCKET_DRAWN);
      m.nonDetainedDocket.push(id);
      if (i < atdRoom) {
        m.store.addFlags(id, Flag.ATD);
        m.joinPool(id, POOL_ATD);
      }
    }
  }

  /** The rest: removable with no status; some removed before and back (`pPrior`, a uint32 threshold). */
  addNoStatus(count: number, pPrior: number): void {
    const m = this.m;
    const rng = this.rng;
    for (let i = 0; i < count; i++) {
      const id = this.add(Stage.AT_LARGE, this.natTable.sample(rng), BUCKET_DRAWN);
      // Removed before and back: a new arrest reinstates the prior order (with the reinstatement share).
      if (rng.nextUint32() < pPrior) m.store.addFlags(id, Flag.REENTRANT);
      m.joinAtLarge(id, 0);
    }
  }
}

export function synthesizePopulation(m: Model): SynthesisCounts {
  const p = m.params;
  const rng = m.streams.population;
  const scale = m.scale;
  const syn = new Synthesizer(m);
  const byLegal: Record<string, number> = {};
  let assigned = 0;

  const tps = p.breakdown("population.tps_holders").at(0);
  let tpsTotal = 0;
  for (let n = 0; n < NATIONALITY_GROUPS.length; n++) {
    const c = scaledCount(rng, tps[NATIONALITY_GROUPS[n]!], scale);
    syn.addProtected(c, n, BUCKET_DRAWN, Protection.TPS, POOL_TPS + n);
    tpsTotal += c;
  }
  byLegal.tps = tpsTotal;

  const parole = p.breakdown("population.parole_holders").at(0);
  const chnv = scaledCount(rng, parole.chnv, scale);
  syn.addProtected(chnv, NAT_CHNV, 0, Protection.PAROLE_CHNV, POOL_PAROLE_CHNV);
  const otherParole = scaledCount(rng, parole.other, scale);
  syn.addProtected(otherParole, NAT_POPULATION, 0, Protection.PAROLE_OTHER, POOL_PAROLE_OTHER);
  byLegal.parole = chnv + otherParole;

  const daca = scaledCount(rng, p.scalar("population.daca_recipients").at(0), scale);
  syn.addProtected(daca, NAT_POPULATION, 3, Protection.DACA, POOL_DACA);
  byLegal.daca = daca;

  const asylum = scaledCount(rng, p.scalar("population.pending_asylum_affirmative").at(0), scale);
  syn.addProtected(asylum, NAT_POPULATION, BUCKET_DRAWN, Protection.PENDING_ASYLUM, POOL_PENDING_ASYLUM);
  byLegal.pending_asylum = asylum;
  assigned += tpsTotal + chnv + otherParole + daca + asylum;

  const orders = scaledCount(rng, p.scalar("population.final_order_at_large").at(0), scale);
  syn.addFinalOrders(orders);
  byLegal.final_order = orders;

  const detained = placeDetained(m, syn);
  byLegal.detained = detained.placed;
  // EOIR's pending cases include the detained docket just placed.
  const pending = Math.max(
    0,
    scaledCount(rng, p.scalar("courts.pending_cases").at(0), scale) - detained.onDocket,
  );
  syn.addPendingCases(pending, Math.floor(m.atdCapacityAgents));
  byLegal.in_proceedings = pending;
  assigned += orders + pending;

  assigned += detained.placed;

  const total = scaledCount(rng, p.scalar("population.unauthorized_total").at(0), scale);
  const rest = Math.max(0, total - assigned);
  syn.addNoStatus(rest, bernoulliThreshold(p.scalar("population.prior_removal_share").at(0)));
  byLegal.no_status = rest;
  return { persons: m.store.size, byLegal };
}

/**
 * The people in ICE detention on day 0 (`detention.initial_population`, at most the beds): a share with final
 * orders start waiting for travel documents or a third country as if ordered today; the others are on the
 * detained docket, with filing days spread evenly over the minimum time to a decision so that their cases ripen
 * at a steady rate rather than all on one day. Border book-ins take the border's nationality mix, interior
 * arrests the population's.
 */
function placeDetained(m: Model, syn: Synthesizer): { placed: number; onDocket: number } {
  const p = m.params;
  const rng = m.streams.population;
  const s = m.store;
  const wanted = scaledCount(rng, p.scalar("detention.initial_population").at(0), m.scale);
  const n = Math.min(wanted, Math.floor(m.bedsAgents + 1e-9));
  if (n === 0) return { placed: 0, onDocket: 0 };
  const borderShares = p.breakdown("border.encounter_share_by_nationality").at(0);
  const popShares = p.breakdown("population.share_by_nationality").at(0);
  const borderNat = new SmallDiscrete(NATIONALITY_GROUPS.map((k) => borderShares[k]));
  const popNat = new SmallDiscrete(NATIONALITY_GROUPS.map((k) => popShares[k]));
  const pBorder = bernoulliThreshold(p.scalar("detention.initial_border_share").at(0));
  const pOrdered = p.scalar("detention.initial_ordered_share").at(0);
  const ordered = Math.round(n * pOrdered);
  const ripeAfter = Math.max(0, Math.round(p.scalar("courts.detained_min_days").at(0)));
  const processing = Math.round(m.today.processingDays);
  for (let i = 0; i < n; i++) {
    const fromBorder = rng.nextUint32() < pBorder;
    // Border book-ins are recent entrants (bucket 0); interior arrests have the population's years in the U.S.
    const id = fromBorder
      ? syn.add(Stage.BOOKED, borderNat.sample(rng), 0)
      : syn.add(Stage.BOOKED, popNat.sample(rng), BUCKET_DRAWN);
    if (fromBorder) s.addFlags(id, Flag.BORDER_BOOKING);
    if (i < ordered) {
      s.setBookDay(id, -processing);
      m.orderRemoval(id, 0, false);
      continue;
    }
    // In filing order (oldest first), as the docket queue requires.
    const filed = ripeAfter > 0 ? -ripeAfter + Math.floor(((i - ordered) * ripeAfter) / (n - ordered)) : 0;
    s.setBookDay(id, filed - processing);
    s.move(id, Stage.DETAINED_DOCKET, filed);
    s.transitions--; // placing the starting population is not a model event
    m.detainedDocket.push(id);
  }
  return { placed: n, onDocket: n - ordered };
}
