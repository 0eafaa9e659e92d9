/** Every policy event type changes the model's results, in the direction and on the days it should. */
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/model/index.ts";
import type { Results } from "../../src/model/results.ts";
import {
  type PolicyFields,
  policyOn,
  type SyntheticOptions,
  syntheticScenario,
} from "../../src/model/synthetic-scenario.ts";
import { NATIONALITY_GROUPS } from "../../src/params/catalog.ts";
import type { PolicyType } from "../../src/params/types.ts";
import { costOf, expectChecksPass, total } from "./helpers.ts";

const H = 730;
type Overrides = SyntheticOptions["overrides"];

function run(events: readonly [number, PolicyFields][], overrides?: Overrides): Results {
  const r = runModel(
    syntheticScenario({ horizonDays: H, overrides, policies: events.map(([day, e]) => policyOn(day, e)) }),
  );
  expectChecksPass(r);
  return r;
}

/** Sum of a series over days [from, to). */
function between(r: Results, series: string, from: number, to = H): number {
  const s = r.daily[series]!;
  let t = 0;
  for (let d = from; d < to; d++) t += s[d]!;
  return t;
}

const base = run([]);
const covered = new Set<PolicyType>();
const effect = (type: PolicyType, name: string, fn: () => void) => {
  covered.add(type);
  it(`${type}: ${name}`, fn);
};

describe("policy events", () => {
  effect(
    "border_inflow",
    "a closure cuts encounters and got-aways; a travel ban only its nationalities",
    () => {
      const closed = run([
        [0, { type: "border_inflow", multiplier: 0.1, cause: "closure", appliesToGotaways: true }],
      ]);
      expect(total(closed, "flow.border_encounters")).toBeLessThan(
        0.2 * total(base, "flow.border_encounters"),
      );
      expect(total(closed, "flow.gotaways")).toBeLessThan(0.3 * total(base, "flow.gotaways"));
      const ban = run([
        [
          0,
          {
            type: "border_inflow",
            multiplier: 0,
            cause: "travel_ban",
            nationalities: ["mexico"],
            appliesToGotaways: false,
          },
        ],
      ]);
      const ratio = total(ban, "flow.border_encounters") / total(base, "flow.border_encounters");
      expect(ratio).toBeGreaterThan(0.45);
      expect(ratio).toBeLessThan(0.75); // Mexico is 40% of encounters in the synthetic scenario
    },
  );

  effect("border_dispositions", "expelling everyone ends border book-ins from that day", () => {
    const shares = {
      returned_or_expelled: 1,
      expedited_removal: 0,
      detained_nta: 0,
      released_nta: 0,
      paroled: 0,
      remain_in_mexico: 0,
    };
    const r = run([[100, { type: "border_dispositions", shares }]]);
    expect(between(r, "flow.border_expedited_removal", 100)).toBe(0);
    expect(between(r, "flow.border_expedited_removal", 0, 100)).toBeGreaterThan(0);
  });

  effect("remain_in_mexico", "sends a share of arrivals to wait abroad; a sure injunction blocks it", () => {
    const r = run([[0, { type: "remain_in_mexico", share: 0.9 }]]);
    expect(total(r, "flow.border_remain_in_mexico")).toBeGreaterThan(
      5 * total(base, "flow.border_remain_in_mexico"),
    );
    const blocked = run([
      [
        0,
        {
          type: "remain_in_mexico",
          share: 0.9,
          injunction: { probability: 1, startsAfterDays: 0, lastsDays: 10_000 },
        },
      ],
    ]);
    expect(total(blocked, "flow.border_remain_in_mexico")).toBe(total(base, "flow.border_remain_in_mexico"));
  });

  effect(
    "expedited_removal_window",
    "a nationwide window puts interior arrests on the expedited path",
    () => {
      const wide = run([[0, { type: "expedited_removal_window", presenceDays: 3650, nationwide: true }]]);
      expect(total(wide, "flow.credible_fear_interviews")).toBeGreaterThan(
        1.5 * total(base, "flow.credible_fear_interviews"),
      );
      const border = run([[0, { type: "expedited_removal_window", presenceDays: 3650, nationwide: false }]]);
      expect(total(border, "flow.credible_fear_interviews")).toBeLessThan(
        total(wide, "flow.credible_fear_interviews"),
      );
    },
  );

  effect("protection_end", "ends protection after the notice, later under an injunction", () => {
    const r = run([[30, { type: "protection_end", group: "tps", noticeDays: 60, share: 1 }]]);
    expect(between(r, "flow.protections_ended", 0, 90)).toBe(0);
    expect(r.daily["flow.protections_ended"]![90]).toBe(700); // all TPS holders of the synthetic population
    const enjoined = run([
      [
        30,
        {
          type: "protection_end",
          group: "tps",
          noticeDays: 60,
          share: 1,
          injunction: { probability: 1, startsAfterDays: 10, lastsDays: 300 },
        },
      ],
    ]);
    expect(between(enjoined, "flow.protections_ended", 0, 340)).toBe(0);
    expect(enjoined.daily["flow.protections_ended"]![340]).toBe(700);
    const daca = run([[0, { type: "protection_end", group: "daca", noticeDays: 0, share: 0.5 }]]);
    expect(daca.daily["flow.protections_ended"]![0]).toBe(150);
  });

  effect("hiring", "officers work after training; judges and asylum officers add completions", () => {
    const r = run([[0, { type: "hiring", role: "officers", count: 40, overDays: 0, trainingDays: 100 }]]);
    expect(r.daily["capacity.officers"]![99]).toBe(10);
    expect(r.daily["capacity.officers"]![100]).toBe(50);
    expect(between(r, "flow.arrests.at_large", 100)).toBeGreaterThan(
      2 * between(base, "flow.arrests.at_large", 100),
    );
    expect(costOf(r, "staffing", "officers_hired")).toBe(40 * 50000);
    const losses = run([[50, { type: "hiring", role: "officers", count: -5, overDays: 0 }]]);
    expect(losses.daily["capacity.officers"]![49]).toBe(10);
    expect(losses.daily["capacity.officers"]![50]).toBe(5); // losses take effect at once, without training
    const judges = run([[0, { type: "hiring", role: "judges", count: 6, overDays: 0 }]], {
      "courts.pending_cases": 8000,
    });
    const judgesBase = run([], { "courts.pending_cases": 8000 });
    expect(total(judges, "flow.court_completions.relief")).toBeGreaterThan(
      1.5 * total(judgesBase, "flow.court_completions.relief"),
    );
    const ao = { "expedited_removal.asylum_officers": 0.05 } as const;
    const aoMore = run([[0, { type: "hiring", role: "asylum_officers", count: 2, overDays: 0 }]], ao);
    expect(total(aoMore, "flow.credible_fear_interviews")).toBeGreaterThan(
      2 * total(run([], ao), "flow.credible_fear_interviews"),
    );
  });

  effect("agreements_287g", "jail agreements add custodial arrests; task forces arrest", () => {
    const r = run([[0, { type: "agreements_287g", jail: 50, taskForce: 20, overDays: 0 }]]);
    expect(total(r, "flow.arrests.custodial")).toBeGreaterThan(1.5 * total(base, "flow.arrests.custodial"));
    expect(total(base, "flow.arrests.task_force")).toBe(0);
    expect(total(r, "flow.arrests.task_force")).toBeGreaterThan(0);
  });

  effect("cooperation", "no cooperating jurisdictions leaves only 287(g) custodial arrests", () => {
    const r = run([[0, { type: "cooperation", share: 0 }]]);
    expect(total(r, "flow.arrests.custodial")).toBeLessThan(0.4 * total(base, "flow.arrests.custodial"));
  });

  effect("national_guard", "members arrest only while deployed, at their daily cost", () => {
    const r = run([
      [100, { type: "national_guard", members: 100, durationDays: 200, costPerMemberDay: 250 }],
    ]);
    expect(between(r, "flow.arrests.national_guard", 0, 100)).toBe(0);
    expect(between(r, "flow.arrests.national_guard", 300)).toBe(0);
    expect(between(r, "flow.arrests.national_guard", 100, 300)).toBeGreaterThan(0);
    expect(costOf(r, "national_guard")).toBe(100 * 200 * 250);
  });

  effect("beds_added", "beds open after the lead time over the ramp, with build costs", () => {
    const r = run([
      [10, { type: "beds_added", facility: "soft_sided", beds: 100, leadDays: 50, rampDays: 10 }],
    ]);
    expect(r.daily["capacity.beds"]![59]).toBe(300);
    expect(r.daily["capacity.beds"]![60]).toBeCloseTo(310, 9);
    expect(r.daily["capacity.beds"]![69]).toBeCloseTo(400, 9);
    expect(costOf(r, "capital")).toBeCloseTo(100 * 50000, 6);
    // Closures take beds from the facility's funded beds; people above the new capacity are released.
    const closed = run([
      [100, { type: "beds_added", facility: "existing", beds: -250, leadDays: 0, rampDays: 0 }],
    ]);
    expect(closed.daily["capacity.beds"]![99]).toBe(300);
    expect(closed.daily["capacity.beds"]![100]).toBe(50);
    expect(Math.max(...closed.daily["stock.detained"]!.slice(100))).toBeLessThanOrEqual(50);
  });

  effect("atd_capacity", "sets ATD places", () => {
    const r = run([[50, { type: "atd_capacity", capacity: 100 }]]);
    expect(r.daily["capacity.atd"]![49]).toBe(500);
    expect(r.daily["capacity.atd"]![50]).toBe(100);
    expect(r.daily["stock.atd"]![50]).toBeLessThanOrEqual(100);
  });

  effect("transport_capacity", "no seats and no land slots stop removals by transport", () => {
    const r = run([[200, { type: "transport_capacity", chartersSeatsPerDay: 0, landPerDay: 0 }]]);
    expect(between(r, "flow.removals.air", 200) + between(r, "flow.removals.land", 200)).toBe(0);
    expect(between(r, "flow.removals.air", 0, 200)).toBeGreaterThan(0);
  });

  effect(
    "third_country_agreement",
    "takes people no home country accepts, within its quota and dates",
    () => {
      expect(total(base, "flow.third_country_transfers")).toBe(0);
      const r = run([
        [
          100,
          {
            type: "third_country_agreement",
            partner: "x",
            quotaPerYear: 365,
            costPerPerson: 7000,
            endsDay: 400,
          },
        ],
      ]);
      const moved = total(r, "flow.third_country_transfers");
      expect(moved).toBeGreaterThan(0);
      expect(moved).toBeLessThanOrEqual(300);
      expect(between(r, "flow.third_country_transfers", 400)).toBe(0);
      expect(costOf(r, "third_country")).toBe(moved * 7000);
      expect(total(r, "flow.releases_post_order_limit")).toBeLessThan(
        total(base, "flow.releases_post_order_limit"),
      );
    },
  );

  effect("sanctions", "a refusal multiplier of 0 ends almost all releases at the post-order limit", () => {
    const everyone = NATIONALITY_GROUPS;
    const r = run([
      [0, { type: "sanctions", nationalities: [...everyone], refusalMultiplier: 0, delayMultiplier: 0.5 }],
    ]);
    // Only document delays in the far tail of the lognormal still reach the limit.
    expect(total(r, "flow.releases_post_order_limit")).toBeLessThan(
      0.1 * total(base, "flow.releases_post_order_limit"),
    );
    expect(r.kpis.meanDaysInQueue.travel_documents).toBeLessThan(base.kpis.meanDaysInQueue.travel_documents);
  });

  effect("country_cooperation", "a country that refuses everyone takes no one back", () => {
    const r = run([[0, { type: "country_cooperation", nationalities: ["mexico"], refusalShare: 1 }]]);
    expect(total(r, "flow.removals.by_nationality.mexico")).toBe(0);
    expect(total(base, "flow.removals.by_nationality.mexico")).toBeGreaterThan(0);
  });

  effect("departure_incentive", "a stipend raises voluntary departures while it lasts, at its cost", () => {
    const r = run([
      [
        0,
        {
          type: "departure_incentive",
          stipendUsd: 5000,
          paidTravel: true,
          costPerDeparture: 3000,
          endsDay: 365,
        },
      ],
    ]);
    expect(between(r, "flow.voluntary_departures", 0, 365)).toBeGreaterThan(
      1.5 * between(base, "flow.voluntary_departures", 0, 365),
    );
    expect(costOf(r, "incentives")).toBe(between(r, "flow.voluntary_departures", 0, 365) * 3000);
  });

  effect("appropriation", "adds money to the agency's fiscal year", () => {
    const r = run([
      [0, { type: "appropriation", agency: "ICE", byFiscalYear: { FY2026: 5e6 }, source: "supplemental" }],
    ]);
    const line = r.budget.find((b) => b.agency === "ICE" && b.fiscalYear === "FY2026")!;
    expect(line.available).toBe(65e6);
  });

  effect("arrest_priorities", "strict priority for final orders draws that pool down first", () => {
    const r = run([
      [
        0,
        {
          type: "arrest_priorities",
          order: ["final_order", "criminal", "recent_entrant", "other"],
          strictness: 1,
        },
      ],
    ]);
    expect(r.daily["stock.at_large_with_order"]![200]).toBeLessThan(
      0.85 * base.daily["stock.at_large_with_order"]![200]!,
    );
  });

  effect("detention_policy", "when beds are full, arrests are deferred or people released, by policy", () => {
    const few = { "detention.beds": { existing: 20, soft_sided: 0, military_base: 0, family: 0 } } as const;
    const defer = run([[0, { type: "detention_policy", whenFull: "defer_arrest", detainAll: false }]], few);
    expect(total(defer, "flow.arrests_deferred")).toBeGreaterThan(0);
    // Border book-ins cannot be deferred: with no bed they are released under any policy.
    const release = run([[0, { type: "detention_policy", whenFull: "release", detainAll: false }]], few);
    expect(total(release, "flow.arrests_deferred")).toBe(0);
    expect(total(release, "flow.releases_when_full")).toBeGreaterThan(
      1.2 * total(defer, "flow.releases_when_full"),
    );
    const all = run([[0, { type: "detention_policy", whenFull: "release_to_atd", detainAll: true }]]);
    expect(total(all, "stock.detained_docket")).toBeGreaterThan(1.5 * total(base, "stock.detained_docket"));
  });

  effect("budget_policy", "when money runs out, arrests are rationed or capacity stops growing", () => {
    const poor = { "budget.ice_appropriation": 2e6 } as const;
    const ration = run([[0, { type: "budget_policy", whenExhausted: "ration_arrests" }]], poor);
    const ignore = run([[0, { type: "budget_policy", whenExhausted: "ignore" }]], poor);
    expect(total(ration, "flow.book_ins")).toBeLessThan(0.8 * total(ignore, "flow.book_ins"));
    expect(ration.budget.some((b) => b.exhausted)).toBe(true);
    // Money then binds: fully used in the months it rations arrests, unused when the policy ignores it.
    expect(ration.utilisation.some((u) => u.binding === "budget" && u.byResource.budget === 1)).toBe(true);
    expect(ignore.utilisation.every((u) => u.byResource.budget === 0 && u.binding !== "budget")).toBe(true);
    const beds: [number, PolicyFields] = [
      200,
      { type: "beds_added", facility: "soft_sided", beds: 100, leadDays: 0, rampDays: 0 },
    ];
    const stop = run([[0, { type: "budget_policy", whenExhausted: "stop_capacity" }], beds], poor);
    expect(stop.daily["capacity.beds"]![H - 1]).toBe(300);
    const go = run([[0, { type: "budget_policy", whenExhausted: "ignore" }], beds], poor);
    expect(go.daily["capacity.beds"]![H - 1]).toBe(400);
  });

  it("covers every policy type", () => {
    const all: PolicyType[] = [
      "border_inflow",
      "border_dispositions",
      "remain_in_mexico",
      "expedited_removal_window",
      "protection_end",
      "hiring",
      "agreements_287g",
      "cooperation",
      "national_guard",
      "beds_added",
      "atd_capacity",
      "transport_capacity",
      "third_country_agreement",
      "sanctions",
      "country_cooperation",
      "departure_incentive",
      "appropriation",
      "arrest_priorities",
      "detention_policy",
      "budget_policy",
    ];
    expect([...covered].sort()).toEqual([...all].sort());
  });
});
