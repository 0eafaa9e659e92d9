/**
 * The impact ledger: each line from model counts and cited coefficients (impacts.* and population.share_*
 * parameters, read at the end of the horizon).
 */
import { SECTORS } from "../params/catalog.ts";
import type { Model } from "./model.ts";
import type { ImpactLine } from "./results.ts";

export function impactLines(
  m: Model,
  removalsTotal: number,
  detentionDays: number,
  releasedAtLimit: number,
): ImpactLine[] {
  const p = m.params;
  const last = Math.max(0, m.scenario.horizonDays - 1);
  const inv = 1 / m.scale;
  const childrenPer = p.scalar("impacts.us_citizen_children_per_parent").at(last);
  const output = p.scalar("impacts.output_per_worker_year").at(last);
  const tax = p.scalar("impacts.tax_revenue_per_worker_year").at(last);
  const gdp = p.scalar("impacts.us_gdp").at(last);
  const labour = p.scalar("impacts.us_labor_force").at(last);
  const deathRate = p.scalar("detention.deaths_per_100k_detention_years").at(last);
  const workersRemoved = m.removedEmployed * inv;
  const workersDeparted = m.departedEmployed * inv;
  const workersLost = workersRemoved + workersDeparted;
  const lines: ImpactLine[] = [
    {
      name: "removals",
      unit: "persons",
      value: removalsTotal,
      coefficients: [],
    },
    {
      name: "us_citizen_children_with_removed_parent",
      unit: "children",
      value: m.removedWithChild * inv * childrenPer,
      coefficients: ["population.share_with_us_citizen_child", "impacts.us_citizen_children_per_parent"],
      note: "Removed parents (persons flagged at synthesis with the share) times children per parent.",
    },
    {
      name: "workers_removed",
      unit: "persons",
      value: workersRemoved,
      coefficients: ["population.share_employed"],
    },
    ...SECTORS.map((sector, i) => ({
      name: `workers_removed.${sector}`,
      unit: "persons",
      value: m.removedBySector[i] * inv,
      coefficients: ["population.share_employed", "population.employment_by_sector"],
    })),
    {
      name: "workers_departed",
      unit: "persons",
      value: workersDeparted,
      coefficients: ["population.share_employed"],
      note: "Employed people who left without removal (voluntary departure).",
    },
    {
      name: "labour_force_change_share",
      unit: "share of the U.S. labour force",
      value: labour > 0 ? -workersLost / labour : 0,
      coefficients: ["population.share_employed", "impacts.us_labor_force"],
    },
    {
      name: "output_lost_per_year",
      unit: "USD per year",
      value: workersLost * output,
      coefficients: ["population.share_employed", "impacts.output_per_worker_year"],
      note: "Annual output of the workers removed or departed by the end of the horizon.",
    },
    {
      name: "gdp_change_share",
      unit: "share of U.S. GDP",
      value: gdp > 0 ? -(workersLost * output) / gdp : 0,
      coefficients: ["population.share_employed", "impacts.output_per_worker_year", "impacts.us_gdp"],
    },
    {
      name: "tax_revenue_lost_per_year",
      unit: "USD per year",
      value: workersLost * tax,
      coefficients: ["population.share_employed", "impacts.tax_revenue_per_worker_year"],
    },
    {
      name: "deaths_in_custody_expected",
      unit: "deaths",
      value: ((detentionDays * inv) / 365) * (deathRate / 1e5),
      coefficients: ["detention.deaths_per_100k_detention_years"],
      note: "Detention-years times the rate per 100,000 detention-years.",
    },
    {
      name: "released_at_post_order_limit",
      unit: "persons",
      value: releasedAtLimit,
      coefficients: ["removal.post_order_limit_days"],
      note: "People no country took within the post-order detention limit, released with their order. The model never holds anyone past the limit.",
    },
  ];
  return lines;
}
