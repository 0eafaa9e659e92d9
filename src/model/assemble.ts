/** Turns a finished simulation into `Results`: KPIs, impacts, checks and timing. */
import type { Scenario } from "../params/types.ts";
import { impactLines } from "./impacts.ts";
import { QUEUES } from "./model.ts";
import type { Kpis, Results } from "./results.ts";
import type { SimulationOutput } from "./simulate.ts";

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

export function assembleResults(
  scenario: Scenario,
  seed: number,
  replication: number,
  out: SimulationOutput,
  wallSeconds: number,
): Results {
  const { model: m, recorder: rec } = out;
  const monthly = rec.monthly();
  const fiscalYears = rec.fiscalYears();
  const utilisation = rec.utilisation();
  const costs = m.ledger.costLines();
  const removals = rec.daily["flow.removals"]!;
  const removalsTotal = sum(removals);
  const costTotal = costs.reduce((a, l) => a + l.amount, 0);
  const detained = rec.daily["stock.detained"]!;
  let peak = 0;
  for (let i = 0; i < detained.length; i++) if (detained[i] > peak) peak = detained[i];

  let yearsToTarget: number | null = null;
  const target = scenario.target.removals;
  if (target !== null && target > 0) {
    let cum = 0;
    for (let d = 0; d < removals.length; d++) {
      cum += removals[d];
      if (cum >= target) {
        yearsToTarget = (d + 1) / 365.25;
        break;
      }
    }
  }

  // The binding resource of each fiscal year: the one binding in most of its months.
  const bindingConstraints: { period: string; resource: string }[] = [];
  const byFy = new Map<string, Map<string, number>>();
  for (const u of utilisation) {
    const fy = fiscalYears.find((r) => r.period === fyOfMonth(u.period))?.period ?? fyOfMonth(u.period);
    const counts = byFy.get(fy) ?? new Map<string, number>();
    counts.set(u.binding, (counts.get(u.binding) ?? 0) + 1);
    byFy.set(fy, counts);
  }
  for (const [period, counts] of byFy) {
    let best = "none";
    let n = -1;
    for (const [r, c] of counts) {
      if (c > n) {
        best = r;
        n = c;
      }
    }
    bindingConstraints.push({ period, resource: best });
  }

  const meanDaysInQueue: Record<string, number> = {};
  const p95DaysInQueue: Record<string, number> = {};
  for (const q of QUEUES) {
    const h = m.waits.get(q)!;
    meanDaysInQueue[q] = h.mean();
    p95DaysInQueue[q] = h.quantile(0.95);
  }
  const releasedNoCountry = sum(rec.daily["flow.releases_post_order_limit"]!);
  const kpis: Kpis = {
    removalsTotal,
    removalsByFiscalYear: Object.fromEntries(
      fiscalYears.map((r) => [r.period, r.values["flow.removals"] ?? 0]),
    ),
    peakDetention: peak,
    costTotal,
    costPerRemoval: removalsTotal > 0 ? costTotal / removalsTotal : 0,
    yearsToTarget,
    bindingConstraints,
    meanDaysInDetention: m.detentionStay.mean(),
    p95DaysInDetention: m.detentionStay.quantile(0.95),
    meanDaysInQueue,
    p95DaysInQueue,
    releasedNoCountry,
    voluntaryDepartures: sum(rec.daily["flow.voluntary_departures"]!),
  };

  const identity = m.ledger.identityFailures();
  const messages = [...out.conservationMessages, ...m.capacityMessages, ...identity.slice(0, 5)];
  return {
    scenario: scenario.name,
    seed,
    replication,
    scale: scenario.scale,
    start: scenario.start,
    startEpochDay: scenario.startEpochDay,
    horizonDays: scenario.horizonDays,
    daily: rec.daily,
    monthly,
    fiscalYears,
    utilisation,
    costs,
    budget: m.ledger.budgetLines(),
    impacts: impactLines(m, removalsTotal, out.detentionDays, releasedNoCountry),
    kpis,
    checks: {
      conservation: out.conservationOk,
      capacity: m.capacityViolations === 0,
      costIdentity: identity.length === 0,
      messages,
    },
    timing: {
      wallSeconds,
      events: out.events,
      persons: m.store.size / scenario.scale,
      agents: m.store.size,
    },
  };
}

/** `2025-03` → `FY2025` (October starts the next fiscal year). */
function fyOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const mo = Number(month.slice(5, 7));
  return `FY${mo >= 10 ? y + 1 : y}`;
}
