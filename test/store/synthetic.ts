import type { Results } from "../../src/model/results.ts";
import type { ScenarioRecord } from "../../src/store/records.ts";

/** A small deterministic PRNG so that synthetic replications differ but repeat exactly. */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Results shaped like the model's, with numbers drawn from (seed, replication). For tests of the store,
 * aggregation and reports that must not depend on the model's behaviour.
 */
export function syntheticResults(seed: number, replication: number, months = 6): Results {
  const rand = lcg(seed * 1000 + replication + 1);
  const monthly = Array.from({ length: months }, (_, i) => {
    const m = String(i + 1).padStart(2, "0");
    return {
      period: `2025-${m}`,
      values: {
        "flow.removals": Math.round(1000 + 500 * rand()),
        "flow.arrests.at_large": Math.round(800 + 300 * rand()),
        "flow.arrests.custodial": Math.round(600 + 300 * rand()),
        "stock.detained": 40_000 + 5_000 * rand(),
        "capacity.beds": 45_000,
        "stock.court_backlog": 3_000_000 + 100_000 * rand(),
      },
    };
  });
  const removalsTotal = monthly.reduce((s, m) => s + m.values["flow.removals"], 0);
  const costs = [
    {
      stage: "detention",
      item: "beds.existing",
      fiscalYear: "FY2025",
      kind: "operating" as const,
      quantity: 1000 * rand(),
      quantityUnit: "bed-days",
      unitCost: 165,
      amount: 0,
      source: "detention.cost_per_bed_day",
    },
    {
      stage: "transport",
      item: "charter_seats",
      fiscalYear: "FY2025",
      kind: "operating" as const,
      quantity: removalsTotal,
      quantityUnit: "seats",
      unitCost: 1200,
      amount: removalsTotal * 1200,
      source: "transport.cost_per_seat",
    },
  ].map((c) => ({ ...c, amount: c.quantity * c.unitCost }));
  const costTotal = costs.reduce((s, c) => s + c.amount, 0);
  return {
    scenario: "synthetic",
    seed,
    replication,
    scale: 0.001,
    start: "2025-01-01",
    startEpochDay: 20089,
    horizonDays: months * 30,
    daily: { "flow.removals": new Float64Array(months * 30) },
    monthly,
    fiscalYears: [{ period: "FY2025", values: { "flow.removals": removalsTotal } }],
    utilisation: monthly.map((m, i) => ({
      period: m.period,
      byResource: { beds: 0.8 + 0.3 * rand(), judges: 0.9 + 0.05 * rand() },
      binding: i < 3 ? "judges" : "beds",
    })),
    costs,
    budget: [{ fiscalYear: "FY2025", agency: "ICE", available: 1e10, spent: costTotal, exhausted: false }],
    impacts: [
      {
        name: "U.S.-citizen children with a removed parent",
        unit: "children",
        value: removalsTotal * 0.3,
        coefficients: ["impacts.children_per_removal"],
      },
      {
        name: "Tax revenue lost",
        unit: "USD per year",
        value: removalsTotal * 2000,
        coefficients: ["impacts.tax_per_worker"],
        note: "state and local",
      },
      {
        name: "Expected deaths in custody",
        unit: "deaths",
        value: 0.5 * rand(),
        coefficients: ["impacts.deaths_per_detention_year"],
      },
      {
        name: "Workers removed",
        unit: "workers",
        value: removalsTotal * 0.6,
        coefficients: ["impacts.labour_share"],
      },
    ],
    kpis: {
      removalsTotal,
      removalsByFiscalYear: { FY2025: removalsTotal },
      peakDetention: 46_000 + 1000 * rand(),
      costTotal,
      costPerRemoval: costTotal / removalsTotal,
      yearsToTarget: replication % 2 === 0 ? 0.4 + rand() * 0.1 : null,
      bindingConstraints: monthly.map((m, i) => ({ period: m.period, resource: i < 3 ? "judges" : "beds" })),
      meanDaysInDetention: 40 + rand(),
      p95DaysInDetention: 120 + rand(),
      meanDaysInQueue: { court: 300 * rand() },
      p95DaysInQueue: { court: 900 * rand() },
      releasedNoCountry: 100 * rand(),
      voluntaryDepartures: 2000 * rand(),
    },
    checks: { conservation: true, capacity: true, costIdentity: true, messages: [] },
    timing: { wallSeconds: rand(), events: 100_000 + replication, persons: 11_000_000, agents: 11_000 },
  };
}

export function syntheticScenario(): ScenarioRecord {
  return {
    name: "Synthetic <test> scenario",
    description: "Numbers made up for tests of the store and reports.",
    start: "2025-01-01",
    startEpochDay: 20089,
    horizonDays: 180,
    scale: 0.001,
    seed: 7,
    replications: 4,
    target: { removals: 5000 },
    accounting: { detention: "occupied_bed_day", courts: "per_completion" },
    policies: [
      {
        type: "beds_added",
        day: 30,
        date: "2025-01-31",
        facility: "soft_sided",
        beds: 10000,
        leadDays: 30,
        rampDays: 60,
        references: [{ title: "Example appropriation", href: "https://example.org/approp" }],
        assumption: false,
      },
    ],
    parameters: [
      {
        path: "detention.cost_per_bed_day" as never,
        description: "Average cost of one occupied bed for one day",
        unit: "USD per bed-day",
        kind: "scalar",
        file: "parameters/detention/cost_per_bed_day.yaml",
        values: [
          {
            date: "2024-10-01",
            day: -92,
            value: 165,
            provenance: {
              references: [{ title: "ICE budget overview FY2025", href: "https://example.org/ice-budget" }],
              assumption: false,
              origin: "parameters",
            },
          },
          {
            date: "2025-06-01",
            day: 151,
            value: 170,
            provenance: { references: [], assumption: true, reason: "inflation of 3%", origin: "override" },
          },
        ],
      },
    ],
    sourceText: "name: Synthetic <test> scenario\nstart: 2025-01-01\n",
  };
}
