/**
 * Parameter values in force today, read once a day so that per-person steps never look parameters up.
 * Per-nationality removal values include the day's sanctions and cooperation overrides.
 */
import { COURT_OUTCOMES, NATIONALITY_GROUPS } from "../params/catalog.ts";
import type { ResolvedParameters } from "../params/types.ts";
import type { PolicyState } from "./policy.ts";

const NAT = NATIONALITY_GROUPS.length;

export class Today {
  processingDays = 0;
  reinstatementShare = 0;
  fearClaimShare = 0;
  erWindowDays = 0;
  detainedDocketShare = 0;
  bondShare = 0;
  postOrderLimit = 0;
  reentryShare = 0;
  reentryDelay = 0;
  appealShare = 0;
  appealDays = 0;
  appealDaysDetained = 0;
  appealSustained = 0;
  ntaFilingDelay = 0;
  ntaFiledShare = 1;
  shareEmployed = 0;
  readonly outcomesDetained = new Float64Array(COURT_OUTCOMES.length);
  readonly outcomesNonDetained = new Float64Array(COURT_OUTCOMES.length);
  readonly refusal = new Float64Array(NAT);
  readonly documentDays = new Float64Array(NAT);
  readonly airShare = new Float64Array(NAT);

  update(p: ResolvedParameters, st: PolicyState, day: number): void {
    this.processingDays = p.scalar("detention.processing_days").at(day);
    this.reinstatementShare = p.scalar("expedited_removal.reinstatement_share").at(day);
    this.fearClaimShare = p.scalar("expedited_removal.fear_claim_share").at(day);
    this.erWindowDays = st.erWindowDays ?? p.scalar("expedited_removal.window_days").at(day);
    this.detainedDocketShare = p.scalar("detention.detained_docket_share").at(day);
    this.bondShare = p.scalar("detention.release_on_bond_share").at(day);
    this.postOrderLimit = Math.round(p.scalar("removal.post_order_limit_days").at(day));
    this.reentryShare = p.scalar("border.reentry_share").at(day);
    this.reentryDelay = p.scalar("border.reentry_delay_days").at(day);
    this.appealShare = p.scalar("courts.appeal_share").at(day);
    this.appealDays = p.scalar("courts.appeal_days").at(day);
    this.appealDaysDetained = p.scalar("courts.appeal_days_detained").at(day);
    this.appealSustained = p.scalar("courts.appeal_sustained_share").at(day);
    this.ntaFilingDelay = p.scalar("courts.nta_filing_delay_days").at(day);
    this.ntaFiledShare = p.scalar("courts.nta_filed_share").at(day);
    this.shareEmployed = p.scalar("population.share_employed").at(day);
    const od = p.breakdown("courts.outcomes_detained").at(day);
    const on = p.breakdown("courts.outcomes_non_detained").at(day);
    COURT_OUTCOMES.forEach((k, i) => {
      this.outcomesDetained[i] = od[k];
      this.outcomesNonDetained[i] = on[k];
    });
    const refusal = p.breakdown("removal.refusal_share").at(day);
    const docs = p.breakdown("removal.travel_document_days").at(day);
    const air = p.breakdown("removal.air_share").at(day);
    NATIONALITY_GROUPS.forEach((k, n) => {
      const r = Number.isNaN(st.refusalOverride[n]) ? refusal[k] : st.refusalOverride[n];
      this.refusal[n] = Math.min(1, r * st.refusalMultiplier[n]);
      const d = Number.isNaN(st.delayOverride[n]) ? docs[k] : st.delayOverride[n];
      this.documentDays[n] = d * st.delayMultiplier[n];
      this.airShare[n] = air[k];
    });
  }
}
