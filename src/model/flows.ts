/**
 * Daily flow counters (in agents) indexed by series, plus extra series the model adds beyond the shared
 * lists (removals by nationality group). Reset at the end of each day after they are recorded.
 */
import { NATIONALITY_GROUPS } from "../params/catalog.ts";
import { FLOW_SERIES, STOCK_SERIES } from "./results.ts";

export const EXTRA_FLOW_SERIES = [
  ...NATIONALITY_GROUPS.map((n) => `flow.removals.by_nationality.${n}`),
  "flow.arrests.border_processed", // border book-ins ICE counts among its arrests (border.ice_processed_share)
];
export const ALL_FLOWS: readonly string[] = [...FLOW_SERIES, ...EXTRA_FLOW_SERIES];
export const ALL_STOCKS: readonly string[] = [...STOCK_SERIES];

const index = (name: string): number => {
  const i = ALL_FLOWS.indexOf(name);
  if (i < 0) throw new Error(`unknown flow series ${name}`);
  return i;
};

export const F = {
  encounters: index("flow.border_encounters"),
  returned: index("flow.border_returned_or_expelled"),
  borderEr: index("flow.border_expedited_removal"),
  borderDetainedNta: index("flow.border_detained_nta"),
  borderReleasedNta: index("flow.border_released_nta"),
  borderParoled: index("flow.border_paroled"),
  borderRim: index("flow.border_remain_in_mexico"),
  gotaways: index("flow.gotaways"),
  overstays: index("flow.visa_overstays"),
  reentries: index("flow.reentries"),
  arrestsAtLarge: index("flow.arrests.at_large"),
  arrestsCustodial: index("flow.arrests.custodial"),
  arrestsTaskForce: index("flow.arrests.task_force"),
  arrestsGuard: index("flow.arrests.national_guard"),
  arrestsDeferred: index("flow.arrests_deferred"),
  bookIns: index("flow.book_ins"),
  releasesToAtd: index("flow.releases_to_atd"),
  releasesWhenFull: index("flow.releases_when_full"),
  cfInterviews: index("flow.credible_fear_interviews"),
  completionRemovalOrder: index("flow.court_completions.removal_order"),
  completionVoluntaryDeparture: index("flow.court_completions.voluntary_departure"),
  completionRelief: index("flow.court_completions.relief"),
  completionTermination: index("flow.court_completions.termination"),
  completionInAbsentia: index("flow.court_completions.in_absentia"),
  orders: index("flow.orders"),
  removals: index("flow.removals"),
  removalsIce: index("flow.removals.ice_arrested"),
  removalsBorder: index("flow.removals.border"),
  removalsAir: index("flow.removals.air"),
  removalsLand: index("flow.removals.land"),
  thirdCountry: index("flow.third_country_transfers"),
  releasesPostOrder: index("flow.releases_post_order_limit"),
  voluntaryDepartures: index("flow.voluntary_departures"),
  statusAdjustments: index("flow.status_adjustments"),
  protectionsEnded: index("flow.protections_ended"),
  deathsExpected: index("flow.deaths_in_custody_expected"),
  removalsByNationality: index(EXTRA_FLOW_SERIES[0]!),
  arrestsBorderProcessed: index("flow.arrests.border_processed"),
} as const;
