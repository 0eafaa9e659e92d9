/**
 * Daily series (full scale) and per-resource use against capacity, and their aggregation into months and
 * fiscal years: flows are summed, stocks averaged. Utilisation of a resource over a month is its summed use
 * over its summed capacity; the binding resource is the most used one at 95% or more, use above 100% (whole
 * agents against a fractional capacity) counting as 100% (ties go to the downstream resource, since upstream
 * capacity cannot be used when downstream is full).
 */
import { fiscalYearLabel, fiscalYearOfDay, monthLabelOfDay } from "../util/dates.ts";
import { ALL_FLOWS, ALL_STOCKS } from "./flows.ts";
import type { PeriodRow } from "./results.ts";

/**
 * Resources in tie-break order. Money comes first: on a day when ICE's budget is spent and the scenario's
 * budget policy acts on it (arrests rationed, capacity frozen), it gates the whole pipeline whatever else
 * is full. The others go downstream first.
 */
export const RESOURCES = [
  "budget",
  "beds",
  "judges",
  "asylum_officers",
  "charter_seats",
  "land_capacity",
  "third_country_quota",
  "atd",
  "officers",
] as const;
export type ResourceName = (typeof RESOURCES)[number];
const BINDING_AT = 0.95;

export class Recorder {
  readonly daily: Record<string, Float64Array> = {};
  readonly used: Record<ResourceName, Float64Array>;
  readonly capacity: Record<ResourceName, Float64Array>;

  constructor(
    readonly horizonDays: number,
    readonly startEpochDay: number,
  ) {
    for (const name of [...ALL_STOCKS, ...ALL_FLOWS]) this.daily[name] = new Float64Array(horizonDays);
    this.used = {} as Record<ResourceName, Float64Array>;
    this.capacity = {} as Record<ResourceName, Float64Array>;
    for (const r of RESOURCES) {
      this.used[r] = new Float64Array(horizonDays);
      this.capacity[r] = new Float64Array(horizonDays);
    }
  }

  resource(day: number, r: ResourceName, used: number, capacity: number): void {
    this.used[r][day] = used;
    this.capacity[r][day] = capacity;
  }

  private periods(label: (epochDay: number) => string): { label: string; from: number; to: number }[] {
    const out: { label: string; from: number; to: number }[] = [];
    for (let d = 0; d < this.horizonDays; d++) {
      const l = label(this.startEpochDay + d);
      const last = out[out.length - 1];
      if (last && last.label === l) last.to = d + 1;
      else out.push({ label: l, from: d, to: d + 1 });
    }
    return out;
  }

  private rows(label: (epochDay: number) => string): PeriodRow[] {
    const stocks = new Set(ALL_STOCKS);
    return this.periods(label).map(({ label: period, from, to }) => {
      const values: Record<string, number> = {};
      for (const [name, series] of Object.entries(this.daily)) {
        let sum = 0;
        for (let d = from; d < to; d++) sum += series[d];
        values[name] = stocks.has(name) ? sum / (to - from) : sum;
      }
      return { period, values };
    });
  }

  monthly(): PeriodRow[] {
    return this.rows(monthLabelOfDay);
  }

  fiscalYears(): PeriodRow[] {
    return this.rows((d) => fiscalYearLabel(fiscalYearOfDay(d)));
  }

  utilisation(): { period: string; byResource: Record<string, number>; binding: string }[] {
    return this.periods(monthLabelOfDay).map(({ label: period, from, to }) => {
      const byResource: Record<string, number> = {};
      let binding = "none";
      let best = BINDING_AT;
      for (const r of RESOURCES) {
        let u = 0;
        let c = 0;
        for (let d = from; d < to; d++) {
          u += this.used[r][d];
          c += this.capacity[r][d];
        }
        byResource[r] = c > 0 ? u / c : 0;
        // A small capacity met in whole agents (a quota of a few agents a month, say) can show a month
        // slightly above 100%; no resource is more than fully used, so ties at full use go by the order.
        const util = Math.min(1, byResource[r]!);
        if (util > best + 0.01) {
          best = util;
          binding = r;
        } else if (binding === "none" && util >= BINDING_AT) {
          best = util;
          binding = r;
        }
      }
      return { period, byResource, binding };
    });
  }
}
