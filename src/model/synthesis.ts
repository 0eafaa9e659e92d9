/**
 * Population synthesis on day 0: the unauthorized population by legal situation (protections, final orders
 * at large, cases pending on the non-detained docket, people in ICE detention, the rest removable with no status,
 * a share of them removed before), nationality
 * group, years in the U.S. and flags (criminal record, U.S.-citizen child, employment and sector). Counts
 * are scaled by `scale` with random rounding, so the expected count is exact at any scale.
 */
import { NATIONALITY_GROUPS, SECTORS, YEARS_IN_US_BUCKETS } from "../params/catalog.ts";
import { bernoulliThreshold, SmallDiscrete, smallInt } from "./discrete.ts";
import { binomial, type RandomStream } from "./engine.ts";
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

/** Rows written per run (their entry days are drawn first into a small buffer). */
const ENTRY_BATCH = 4096;

/** Nationality of a new person: a fixed group (≥ 0), drawn from the population's mix, or from CHNV's. */
const NAT_POPULATION = -1;
const NAT_CHNV = -2;
/** Years-in-U.S. bucket drawn from the population's mix. */
const BUCKET_DRAWN = -1;

/**
 * Splits n people over categories with the given weights (≥ 0, not all zero): a multinomial draw made of
 * conditional binomials, so the counts have exactly the law of n independent categorical draws.
 */
function splitCounts(rng: RandomStream, n: number, weights: ArrayLike<number>, out: Float64Array): void {
  let total = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = Math.max(0, weights[i]);
    total += w;
    if (w > 0) last = i;
  }
  if (last < 0) throw new RangeError("synthesis: category weights must not all be zero");
  let left = n;
  let rest = total;
  for (let i = 0; i < weights.length; i++) {
    const w = Math.max(0, weights[i]);
    let k = 0;
    if (i === last) k = left;
    else if (left > 0 && w > 0) k = binomial(rng, left, Math.min(1, w / rest));
    out[i] = k;
    left -= k;
    rest -= w;
  }
}

/** A one-hot weight vector: everyone in category i. */
function only(i: number, length: number): Float64Array {
  const w = new Float64Array(length);
  w[i] = 1;
  return w;
}

/**
 * Adds people group by group. A group's people are independent draws of nationality, years in the U.S.,
 * criminal record, U.S.-citizen child, employment and sector (and, for some groups, one more flag), so the
 * number of them in each combination of these attributes is a multinomial draw: it is drawn by
 * conditional binomials (a few thousand per group) and each combination's rows are then written in a
 * tight loop, with only the entry day drawn per person. That gives the population the same law as drawing
 * every attribute of every person, for a fraction of the draws and none of the unpredictable branches.
 * Rows come out grouped by attributes; nothing in the model depends on row order (pools are drawn from
 * uniformly, and the one queue filled here, the non-detained docket, is shuffled).
 *
 * A class rather than closures inside one long function: each loop is a small method, so it is optimised
 * once and reused by every replication in the thread instead of being compiled on the fly again in each.
 */
class Synthesizer {
  private readonly rng: RandomStream;
  private readonly yearTable: SmallDiscrete;
  private readonly sectorTable: SmallDiscrete;
  private readonly natShares: Float64Array;
  private readonly chnvWeights: Float64Array;
  private readonly yearShares: Float64Array;
  private readonly sectorShares: Float64Array;
  private readonly shareCriminal: number;
  private readonly shareChild: number;
  private readonly shareEmployed: number;
  private readonly pCriminal: number;
  private readonly pChild: number;
  private readonly pEmployed: number;
  private readonly rangeLo: readonly number[];
  private readonly rangeWidth: readonly number[];
  /** Split counts, one array per level (the levels nest). */
  private readonly byNat: Float64Array;
  private readonly byBucket: Float64Array;
  private readonly bySector: Float64Array;
  /** The group being added: its stage, flags every member has, and an optional extra flag with its share. */
  private stage = 0;
  private baseFlags = 0;
  private extraFlag = 0;
  private extraShare = 0;
  private bucketWeights: Float64Array;
  /** While true, a group's combinations are recorded in `cells` instead of written (pending cases). */
  private collecting = false;
  private readonly cells: { count: number; nat: number; bucket: number; flags: number; sector: number }[] =
    [];
  /** Entry days of a run of rows being written. */
  private readonly entries = new Int32Array(ENTRY_BATCH);

  constructor(private readonly m: Model) {
    const p = m.params;
    this.rng = m.streams.population;
    const natShares = p.breakdown("population.share_by_nationality").at(0);
    this.natShares = Float64Array.from(NATIONALITY_GROUPS, (k) => natShares[k]);
    this.chnvWeights = new Float64Array(NATIONALITY_GROUPS.length);
    for (const k of CHNV) this.chnvWeights[NATIONALITY_GROUPS.indexOf(k)] = Math.max(1e-12, natShares[k]);
    const yearShares = p.breakdown("population.years_in_us").at(0);
    this.yearShares = Float64Array.from(YEARS_IN_US_BUCKETS, (k) => yearShares[k]);
    this.yearTable = new SmallDiscrete(this.yearShares);
    const sectorShares = p.breakdown("population.employment_by_sector").at(0);
    this.sectorShares = Float64Array.from(SECTORS, (k) => sectorShares[k]);
    this.sectorTable = new SmallDiscrete(this.sectorShares);
    this.shareCriminal = p.scalar("population.share_with_criminal_record").at(0);
    this.shareChild = p.scalar("population.share_with_us_citizen_child").at(0);
    this.shareEmployed = p.scalar("population.share_employed").at(0);
    this.pCriminal = bernoulliThreshold(this.shareCriminal);
    this.pChild = bernoulliThreshold(this.shareChild);
    this.pEmployed = bernoulliThreshold(this.shareEmployed);
    this.rangeLo = YEARS_IN_US_BUCKETS.map((b) => YEARS_RANGE[b][0]);
    this.rangeWidth = YEARS_IN_US_BUCKETS.map((b) => YEARS_RANGE[b][1] - YEARS_RANGE[b][0]);
    this.byNat = new Float64Array(NATIONALITY_GROUPS.length);
    this.byBucket = new Float64Array(YEARS_IN_US_BUCKETS.length);
    this.bySector = new Float64Array(SECTORS.length);
    this.bucketWeights = this.yearShares;
  }

  /**
   * One person drawn attribute by attribute (flags, sector, years in the U.S. unless `bucket` is given,
   * entry day): for the few people placed one at a time (the detained population on day 0).
   */
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

  /**
   * Adds `count` people in `stage` with nationality weights `nat` and years-in-U.S. bucket `bucket`
   * (BUCKET_DRAWN: the population's mix); every one gets `baseFlags`, and `extraFlag` with probability
   * `extraShare`. Returns the first row id; the group's rows are the next `count` ids.
   */
  addGroup(
    count: number,
    stage: number,
    nat: Float64Array,
    bucket: number,
    baseFlags = 0,
    extraFlag = 0,
    extraShare = 0,
  ): number {
    const first = this.m.store.size;
    if (count <= 0) return first;
    this.stage = stage;
    this.baseFlags = baseFlags;
    this.extraFlag = extraFlag;
    this.extraShare = extraShare;
    this.bucketWeights = bucket === BUCKET_DRAWN ? this.yearShares : only(bucket, YEARS_IN_US_BUCKETS.length);
    const byNat = this.byNat;
    splitCounts(this.rng, count, nat, byNat);
    for (let n = 0; n < byNat.length; n++) if (byNat[n] > 0) this.byYears(byNat[n], n);
    return first;
  }

  private byYears(count: number, nat: number): void {
    const byBucket = this.byBucket;
    splitCounts(this.rng, count, this.bucketWeights, byBucket);
    for (let b = 0; b < byBucket.length; b++) if (byBucket[b] > 0) this.byFlags(byBucket[b], nat, b);
  }

  /** Criminal record, then U.S.-citizen child, then employment, each a binomial split. */
  private byFlags(count: number, nat: number, bucket: number): void {
    const rng = this.rng;
    const criminal = binomial(rng, count, this.shareCriminal);
    for (let c = 0; c < 2; c++) {
      const kc = c === 0 ? criminal : count - criminal;
      if (kc === 0) continue;
      const fc = this.baseFlags | (c === 0 ? Flag.CRIMINAL : 0);
      const child = binomial(rng, kc, this.shareChild);
      for (let h = 0; h < 2; h++) {
        const kh = h === 0 ? child : kc - child;
        if (kh === 0) continue;
        const fh = fc | (h === 0 ? Flag.US_CHILD : 0);
        const employed = binomial(rng, kh, this.shareEmployed);
        if (kh - employed > 0) this.byExtra(kh - employed, nat, bucket, fh, 255);
        if (employed > 0) this.bySectors(employed, nat, bucket, fh | Flag.EMPLOYED);
      }
    }
  }

  private bySectors(count: number, nat: number, bucket: number, flags: number): void {
    const bySector = this.bySector;
    splitCounts(this.rng, count, this.sectorShares, bySector);
    for (let s = 0; s < bySector.length; s++)
      if (bySector[s] > 0) this.byExtra(bySector[s], nat, bucket, flags, s);
  }

  private byExtra(count: number, nat: number, bucket: number, flags: number, sector: number): void {
    const withExtra = this.extraShare > 0 ? binomial(this.rng, count, this.extraShare) : 0;
    if (withExtra > 0) this.rows(withExtra, nat, bucket, flags | this.extraFlag, sector);
    if (count - withExtra > 0) this.rows(count - withExtra, nat, bucket, flags, sector);
  }

  /** The rows of one combination of attributes: only the entry day differs from row to row. */
  private rows(count: number, nat: number, bucket: number, flags: number, sector: number): void {
    if (this.collecting) {
      this.cells.push({ count, nat, bucket, flags, sector });
      return;
    }
    const rng = this.rng;
    const lo = this.rangeLo[bucket]!;
    const width = this.rangeWidth[bucket]!;
    for (let done = 0; done < count; ) {
      const n = Math.min(count - done, ENTRY_BATCH);
      const entries = this.entries;
      for (let i = 0; i < n; i++) entries[i] = -(lo + smallInt(rng, width));
      this.m.store.addRun(n, this.stage, nat, flags, sector, entries);
      done += n;
    }
  }

  /** Nationality weights of a group: the population's mix, CHNV's, or one group. */
  natWeights(source: number): Float64Array {
    if (source >= 0) return only(source, NATIONALITY_GROUPS.length);
    return source === NAT_CHNV ? this.chnvWeights : this.natShares;
  }

  addProtected(count: number, natSource: number, bucket: number, protection: number, pool: number): void {
    const m = this.m;
    const first = this.addGroup(count, Stage.PROTECTED, this.natWeights(natSource), bucket);
    for (let id = first; id < first + count; id++) {
      m.store.setProtection(id, protection);
      m.joinPool(id, pool);
    }
  }

  addFinalOrders(count: number): void {
    const m = this.m;
    const first = this.addGroup(count, Stage.AT_LARGE_ORDER, this.natShares, BUCKET_DRAWN, Flag.HAS_ORDER);
    for (let id = first; id < first + count; id++) m.joinAtLarge(id, 0);
  }

  /**
   * Pending cases on the non-detained docket, in random order (the docket is a queue and the rows come
   * out grouped by attributes), the first `atdRoom` of them enrolled in ATD.
   */
  addPendingCases(count: number, atdRoom: number): void {
    if (count <= 0) return;
    const m = this.m;
    const rng = this.rng;
    // The combinations' counts are drawn as for any group, then dealt out in random order: the docket
    // is a queue, so its order must not follow the attributes. Shuffling which combination each place
    // gets (two bytes a person) lets the rows be written, queued and enrolled in ATD in row order.
    this.collecting = true;
    this.addGroup(count, Stage.NON_DETAINED, this.natShares, BUCKET_DRAWN);
    this.collecting = false;
    const cells = this.cells;
    // At most nationalities × buckets × 2 × 2 × (sectors + 1) combinations: a few thousand.
    if (cells.length > 65536)
      throw new Error("synthesis: too many attribute combinations for the docket shuffle");
    const cellOf = new Uint16Array(count);
    let at = 0;
    for (let c = 0; c < cells.length; c++) {
      cellOf.fill(c, at, at + cells[c]!.count);
      at += cells[c]!.count;
    }
    for (let i = count - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = cellOf[i]!;
      cellOf[i] = cellOf[j]!;
      cellOf[j] = t;
    }
    const store = m.store;
    for (let i = 0; i < count; i++) {
      const cell = cells[cellOf[i]!]!;
      const entry = -(this.rangeLo[cell.bucket]! + smallInt(rng, this.rangeWidth[cell.bucket]!));
      const id = store.add(Stage.NON_DETAINED, cell.nat, cell.flags, cell.sector, entry, 0);
      m.nonDetainedDocket.push(id);
      if (i < atdRoom) {
        store.addFlags(id, Flag.ATD);
        m.joinPool(id, POOL_ATD);
      }
    }
    cells.length = 0;
  }

  /** The rest: removable with no status; a share `priorShare` removed before and back. */
  addNoStatus(count: number, priorShare: number): void {
    const m = this.m;
    // Removed before and back: a new arrest reinstates the prior order (with the reinstatement share).
    const first = this.addGroup(
      count,
      Stage.AT_LARGE,
      this.natShares,
      BUCKET_DRAWN,
      0,
      Flag.REENTRANT,
      priorShare,
    );
    for (let id = first; id < first + count; id++) m.joinAtLarge(id, 0);
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
  syn.addNoStatus(rest, p.scalar("population.prior_removal_share").at(0));
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
