/**
 * Departures without removal from the interior at large: voluntary departure at a base yearly rate, raised
 * by enforcement intensity (interior arrests per person at large, relative to day 0's expected rate, to
 * the power of the elasticity) and by departure incentives (stipend and paid travel, per 1000 USD); and
 * adjustment of status, which ends removability. Counts per day are binomial draws per pool.
 */
import { binomial } from "./engine.ts";
import { F } from "./flows.ts";
import type { Model } from "./model.ts";
import { AT_LARGE_POOLS, Flag, POOL_AT_LARGE, Stage } from "./stages.ts";

const WINDOW = 30;

export class Departures {
  /** Interior arrests per person at large per year expected on day 0 (the reference intensity). */
  referenceIntensity = 0;
  private readonly recent = new Float64Array(WINDOW);
  private filled = 0;
  departuresToday = 0;

  constructor(private readonly m: Model) {}

  recordArrests(day: number, arrests: number): void {
    this.recent[day % WINDOW] = arrests;
    if (this.filled < WINDOW) this.filled++;
  }

  /** Current intensity: trailing arrests per person at large per year. */
  intensity(atLarge: number): number {
    if (this.filled === 0 || atLarge <= 0) return this.referenceIntensity;
    let sum = 0;
    for (let i = 0; i < WINDOW; i++) sum += this.recent[i];
    return ((sum / this.filled) * 365) / atLarge;
  }

  rateFactor(atLarge: number, day: number): number {
    const p = this.m.params;
    const st = this.m.policy.state;
    const el = p.scalar("departure.enforcement_elasticity").at(day);
    let f = 1;
    if (el > 0 && this.referenceIntensity > 0) {
      const ratio = this.intensity(atLarge) / this.referenceIntensity;
      f = ratio > 0 ? ratio ** el : 0;
    }
    if (st.incentiveActive) {
      const travel = st.paidTravel ? p.scalar("removal.cost_per_air_removal").at(day) : 0;
      f *= 1 + (p.scalar("departure.stipend_response").at(day) * (st.stipendUsd + travel)) / 1000;
    }
    return f;
  }

  step(day: number, atLarge: number): void {
    const m = this.m;
    const p = m.params;
    const s = m.store;
    const rng = m.streams.departures;
    const st = m.policy.state;
    const rate = Math.min(
      1,
      (p.scalar("departure.voluntary_rate").at(day) * this.rateFactor(atLarge, day)) / 365,
    );
    const adjust = Math.min(1, p.scalar("population.status_adjustment_rate").at(day) / 365);
    let departed = 0;
    for (const poolIndex of AT_LARGE_POOLS) {
      const pool = m.pools[poolIndex]!;
      const n = rate > 0 ? binomial(rng, pool.size, rate) : 0;
      const leaving = pool.takeMany(rng, n);
      for (let i = 0; i < n; i++) {
        const id = leaving[i];
        s.setPool(id, 255);
        s.move(id, Stage.DEPARTED, day);
        if (s.flagsOf(id) & Flag.EMPLOYED) {
          m.departedEmployed++;
          m.departedBySector[s.sectorOf(id)]++;
        }
      }
      departed += n;
      // A final order bars adjustment of status in this model.
      if (poolIndex === POOL_AT_LARGE + 1 || adjust <= 0) continue;
      const k = binomial(rng, pool.size, adjust);
      const adjusting = pool.takeMany(rng, k);
      for (let i = 0; i < k; i++) {
        const id = adjusting[i];
        s.setPool(id, 255);
        s.move(id, Stage.LEGAL_STATUS, day);
      }
      m.flows[F.statusAdjustments] += k;
    }
    m.flows[F.voluntaryDepartures] += departed;
    this.departuresToday = departed;
    if (st.incentiveActive && departed > 0) {
      m.ledger.chargeAgents(
        day,
        "incentives",
        "departures",
        "operating",
        "departures",
        departed,
        st.incentiveCostPerDeparture,
        st.incentiveSource,
      );
    }
  }
}
