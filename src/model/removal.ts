/**
 * Removal logistics: charter seats and land slots per day (first come, first served among those holding
 * travel documents), third-country transfers under agreements with yearly quotas, and their costs.
 * Travel documents and the post-order limit are timed steps (see Model.orderRemoval).
 */
import { NATIONALITY_GROUPS } from "../params/catalog.ts";
import { DailyCapacity } from "./capacity-meter.ts";
import type { IntFifo } from "./engine.ts";
import type { Model } from "./model.ts";
import { eventSource } from "./policy.ts";
import { Stage } from "./stages.ts";

export class Removal {
  readonly air = new DailyCapacity();
  readonly land = new DailyCapacity();
  /** One meter per third-country agreement (by policy event index). */
  readonly thirdCountry = new Map<number, DailyCapacity>();
  thirdCountryOffered = 0;
  thirdCountryUsed = 0;

  constructor(private readonly m: Model) {}

  private serve(queue: IntFifo, slots: number, day: number, air: boolean): number {
    const m = this.m;
    const s = m.store;
    const wait = m.waits.get("transport")!;
    let used = 0;
    while (used < slots && queue.length > 0) {
      const id = queue.shift();
      if (s.stageOf(id) !== Stage.AWAIT_TRANSPORT) continue;
      used++;
      wait.add(day - s.stageDayOf(id));
      m.removed(id, day, false, air);
    }
    return used;
  }

  stepTransport(day: number): void {
    const m = this.m;
    const p = m.params;
    const st = m.policy.state;
    const seats = (st.chartersSeatsPerDay ?? p.scalar("removal.charter_seats_per_day").at(day)) * m.scale;
    const landCap = (st.landPerDay ?? p.scalar("removal.land_capacity_per_day").at(day)) * m.scale;
    const a = this.serve(m.airQueue, this.air.open(seats), day, true);
    this.air.close(a);
    const l = this.serve(m.landQueue, this.land.open(landCap), day, false);
    this.land.close(l);
    m.ledger.chargeAgents(
      day,
      "transport",
      "air_removals",
      "operating",
      "persons",
      a,
      p.scalar("removal.cost_per_air_removal").at(day),
      "removal.cost_per_air_removal",
    );
    m.ledger.chargeAgents(
      day,
      "transport",
      "land_removals",
      "operating",
      "persons",
      l,
      p.scalar("removal.cost_per_land_removal").at(day),
      "removal.cost_per_land_removal",
    );
  }

  stepThirdCountry(day: number): void {
    const m = this.m;
    const s = m.store;
    const wait = m.waits.get("third_country")!;
    this.thirdCountryOffered = 0;
    this.thirdCountryUsed = 0;
    for (const ag of m.policy.state.thirdCountries) {
      let meter = this.thirdCountry.get(ag.index);
      if (!meter) {
        meter = new DailyCapacity();
        this.thirdCountry.set(ag.index, meter);
      }
      const perDay = (ag.quotaPerYear * m.scale) / 365;
      let slots = meter.open(perDay);
      this.thirdCountryOffered += perDay;
      let used = 0;
      // Serve accepted nationalities in turn, longest queue first, so one group does not starve another.
      while (slots > 0) {
        let best = -1;
        for (let n = 0; n < NATIONALITY_GROUPS.length; n++) {
          if (!ag.accepts[n]) continue;
          const q = m.thirdCountryQueues[n]!;
          while (q.length > 0 && s.stageOf(q.peek()) !== Stage.AWAIT_THIRD_COUNTRY) q.shift();
          if (q.length > 0 && (best < 0 || q.length > m.thirdCountryQueues[best]!.length)) best = n;
        }
        if (best < 0) break;
        const id = m.thirdCountryQueues[best]!.shift();
        wait.add(day - s.stageDayOf(id));
        m.removed(id, day, true, true);
        used++;
        slots--;
      }
      meter.close(used);
      this.thirdCountryUsed += used;
      const unit =
        ag.costPerPerson > 0
          ? ag.costPerPerson
          : m.params.scalar("removal.third_country_cost_per_person").at(day);
      const ev = m.scenario.policies[ag.index]!;
      const source =
        ag.costPerPerson > 0 ? eventSource(ev, ag.index) : "removal.third_country_cost_per_person";
      m.ledger.chargeAgents(
        day,
        "third_country",
        `transfers.${ag.partner}`,
        "operating",
        "persons",
        used,
        unit,
        source,
      );
    }
  }
}
