/**
 * The stages a person can be in (one byte per person). Stages below `FIRST_EXIT` are inside the system
 * (counted by the conservation check); the others are exits. A removed person who later re-enters keeps
 * their row: re-entry is an inflow back from `REMOVED`.
 */
export const Stage = {
  AT_LARGE: 0, // removable, in the interior, not in proceedings
  AT_LARGE_ORDER: 1, // final order, at large
  PROTECTED: 2, // TPS, parole, DACA, pending asylum
  NON_DETAINED: 3, // non-detained court docket (ATD is a flag on these)
  REMAIN_IN_MEXICO: 4, // waiting outside the U.S. for hearings
  BOOKED: 5, // detained, being processed after book-in
  AWAIT_CREDIBLE_FEAR: 6, // detained, waiting for a credible-fear interview
  DETAINED_DOCKET: 7, // detained, waiting for a judge
  AWAIT_DOCUMENTS: 8, // detained with an order, waiting for travel documents
  AWAIT_TRANSPORT: 9, // detained with documents, waiting for a seat or land slot
  AWAIT_THIRD_COUNTRY: 10, // detained with an order no home country accepts
  APPEAL_DETAINED: 11,
  APPEAL_NON_DETAINED: 12,
  REMOVED: 13,
  DEPARTED: 14, // left on their own (voluntary departure, incl. court-granted)
  LEGAL_STATUS: 15, // relief or status adjustment: no longer removable
  OUTSIDE: 16, // Remain-in-Mexico case ended while abroad
} as const;
export type StageCode = (typeof Stage)[keyof typeof Stage];

export const STAGE_COUNT = 17;
export const FIRST_EXIT = Stage.REMOVED;
export const FIRST_DETAINED = Stage.BOOKED;
export const LAST_DETAINED = Stage.APPEAL_DETAINED;

export const STAGE_NAMES: readonly string[] = Object.keys(Stage).map((k) => k.toLowerCase());

export function isDetained(stage: number): boolean {
  return stage >= FIRST_DETAINED && stage <= LAST_DETAINED;
}

/** Person flags (one byte). */
export const Flag = {
  CRIMINAL: 1,
  US_CHILD: 2,
  EMPLOYED: 4,
  /** Booked into ICE custody from a CBP border apprehension (vs an ICE interior arrest). */
  BORDER_BOOKING: 8,
  /** Removed before: reinstatement of the prior order applies on a new arrest. */
  REENTRANT: 16,
  ATD: 32,
  /** Holds a final order (existing, in absentia, or released at the post-order limit). */
  HAS_ORDER: 64,
  /** Processed for expedited removal by CBP at the border. */
  ER_PATH: 128,
} as const;

/** Protection codes (one byte): which protection a PROTECTED person holds. */
export const Protection = {
  NONE: 0,
  TPS: 1,
  PAROLE_CHNV: 2,
  PAROLE_OTHER: 3,
  DACA: 4,
  PENDING_ASYLUM: 5,
} as const;

/** At-large target classes (arrest priorities), as in ArrestPrioritiesEvent. */
export const TARGET_CLASSES = ["criminal", "final_order", "recent_entrant", "other"] as const;
export type TargetClass = (typeof TARGET_CLASSES)[number];
export const RECENT_ENTRANT_DAYS = 730;
/**
 * Recent entrants are kept in entry-day cohorts of COHORT_DAYS, in a ring of RECENT_COHORTS pools. A
 * cohort moves to "other" as a whole on the day its oldest member has been in the U.S. for
 * RECENT_ENTRANT_DAYS, so nobody older counts as recent (the youngest of a cohort leave the class up to
 * COHORT_DAYS early) and an arrest never draws a stale member.
 */
export const COHORT_DAYS = 92; // cohortOf's integer division is written for 92 = 4 · 23
export const RECENT_COHORTS = 9; // and cohortPool's for 9

/** Swap-remove pool indices: at-large target classes, protections (TPS by nationality), ATD. */
export const POOL_AT_LARGE = 0; // + target class index (0 criminal, 1 final order, 3 other; recent: POOL_RECENT)
export const POOL_TPS = 4; // + nationality index (0..11)
export const POOL_PAROLE_CHNV = 16;
export const POOL_PAROLE_OTHER = 17;
export const POOL_DACA = 18;
export const POOL_PENDING_ASYLUM = 19;
export const POOL_ATD = 20;
export const POOL_RECENT = 21; // + cohort ring index (0..8)
export const POOL_COUNT = POOL_RECENT + RECENT_COHORTS;
/**
 * What a person's row records while they are in one of the at-large pools: not which one. People leave
 * those pools only by a random pick, never by id, so the row need not say; and a whole cohort can then
 * move to "other" without a write to each member's row. (Row pool bits hold 0-30; 31 is no pool.)
 */
export const IN_AT_LARGE_POOL = POOL_COUNT;
if (IN_AT_LARGE_POOL > 30) throw new Error("stages.ts: too many pools for the row's pool bits");
export const NO_POOL = 255;

/** Every pool of people at large: criminal, final order, other, then the recent-entrant cohorts. */
export const AT_LARGE_POOLS: readonly number[] = [
  POOL_AT_LARGE,
  POOL_AT_LARGE + 1,
  POOL_AT_LARGE + 3,
  ...Array.from({ length: RECENT_COHORTS }, (_, k) => POOL_RECENT + k),
];

/**
 * Cohort number of an entry day (floor division, also for days before the start). It runs for every
 * person who joins the people at large, so it works in integers: floor(day / 92) is
 * floor(floor(day / 4) / 23), the first by an arithmetic shift and the second, once the value is made
 * non-negative (+ 23·400), by a multiply with ceil(2^20 / 23) and a shift. This is exact for every entry
 * day a row can hold (signed 16 bits), which test/model/cohorts.test.ts checks one by one. It replaces a
 * float floor whose check on converting back to an integer drew about a third of the at-large joins'
 * samples in `perf annotate`; the full run's time did not move measurably.
 */
export function cohortOf(entryDay: number): number {
  return (Math.imul((entryDay >> 2) + 9200, 45591) >>> 20) - 400;
}

/** Ring pool of a cohort: the non-negative remainder by 9, with the quotient by a multiply as in cohortOf. */
export function cohortPool(cohort: number): number {
  const q = (Math.imul(cohort + 1800, 466034) >>> 22) - 200;
  return POOL_RECENT + cohort - q * RECENT_COHORTS;
}
