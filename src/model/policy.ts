/**
 * The policy state in force on a day, recomputed each simulated day from the scenario's dated events (a few
 * dozen events: cheap). Injunctions are drawn once per run: a blocked event has no effect while blocked.
 * Capacity-adding events (hiring, beds, 287(g), National Guard) are handled by `capacity.ts`.
 */
import { NATIONALITY_GROUPS, type NationalityGroup } from "../params/catalog.ts";
import type { Injunction, PolicyEvent } from "../params/types.ts";
import type { RandomStream } from "./engine.ts";
import { TARGET_CLASSES, type TargetClass } from "./stages.ts";

const NAT = NATIONALITY_GROUPS.length;

export function nationalityIndex(n: NationalityGroup): number {
  return NATIONALITY_GROUPS.indexOf(n);
}

/** Nationality mask (1 = included) of an optional nationality list (all when absent). */
export function nationalityMask(list: readonly NationalityGroup[] | undefined): Uint8Array {
  const mask = new Uint8Array(NAT);
  if (!list || list.length === 0) mask.fill(1);
  else for (const n of list) mask[nationalityIndex(n)] = 1;
  return mask;
}

export interface Block {
  readonly from: number;
  readonly to: number;
}

/** Days (from, to) an injunction blocks an event, or null when none was drawn. */
export function drawInjunction(rng: RandomStream, day: number, inj: Injunction | undefined): Block | null {
  if (!inj || inj.probability <= 0) return null;
  if (rng.next() >= inj.probability) return null;
  const from = day + inj.startsAfterDays;
  return { from, to: from + inj.lastsDays };
}

export interface ThirdCountryState {
  readonly index: number;
  readonly partner: string;
  readonly quotaPerYear: number;
  readonly costPerPerson: number;
  readonly accepts: Uint8Array;
}

export interface PolicyState {
  /** Border encounter multiplier by nationality group; got-away multiplier by nationality group. */
  readonly encounterMultiplier: Float64Array;
  readonly gotawayMultiplier: Float64Array;
  dispositions: Readonly<Record<string, number>> | null;
  remainInMexicoShare: number;
  /** Expedited-removal window for interior arrests (days of presence); null: the parameter's window. */
  erWindowDays: number | null;
  erNationwide: boolean;
  whenFull: "release_to_atd" | "defer_arrest" | "release";
  detainAll: boolean;
  whenBudgetExhausted: "ration_arrests" | "stop_capacity" | "ignore";
  priorityOrder: readonly TargetClass[];
  priorityStrictness: number;
  cooperatingShare: number | null;
  chartersSeatsPerDay: number | null;
  landPerDay: number | null;
  atdCapacity: number | null;
  stipendUsd: number;
  paidTravel: boolean;
  incentiveCostPerDeparture: number;
  incentiveActive: boolean;
  incentiveSource: string;
  /** Per nationality: refusal share and document delay overrides (NaN: none) and multipliers. */
  readonly refusalOverride: Float64Array;
  readonly delayOverride: Float64Array;
  readonly refusalMultiplier: Float64Array;
  readonly delayMultiplier: Float64Array;
  thirdCountries: ThirdCountryState[];
}

function freshState(): PolicyState {
  return {
    encounterMultiplier: new Float64Array(NAT),
    gotawayMultiplier: new Float64Array(NAT),
    dispositions: null,
    remainInMexicoShare: 0,
    erWindowDays: null,
    erNationwide: true,
    whenFull: "release_to_atd",
    detainAll: false,
    whenBudgetExhausted: "ignore",
    priorityOrder: TARGET_CLASSES,
    priorityStrictness: 0,
    cooperatingShare: null,
    chartersSeatsPerDay: null,
    landPerDay: null,
    atdCapacity: null,
    stipendUsd: 0,
    paidTravel: false,
    incentiveCostPerDeparture: 0,
    incentiveActive: false,
    incentiveSource: "",
    refusalOverride: new Float64Array(NAT).fill(Number.NaN),
    delayOverride: new Float64Array(NAT).fill(Number.NaN),
    refusalMultiplier: new Float64Array(NAT).fill(1),
    delayMultiplier: new Float64Array(NAT).fill(1),
    thirdCountries: [],
  };
}

interface Prepared {
  readonly event: PolicyEvent;
  readonly index: number;
  readonly block: Block | null;
  readonly mask: Uint8Array;
}

/** Labels a policy event for cost-line sources and messages. */
export function eventSource(e: PolicyEvent, index: number): string {
  return `policy[${index}] ${e.type} ${e.date}`;
}

/** The per-day policy state of a scenario's events. */
export class PolicyTimeline {
  private readonly prepared: Prepared[];
  readonly state: PolicyState = freshState();
  /** Days on which an event starts, ends or is blocked (state is recomputed only on those days). */
  private readonly changeDays = new Set<number>();
  private computedOnce = false;

  constructor(events: readonly PolicyEvent[], rng: RandomStream) {
    this.prepared = events.map((event, index) => {
      const inj = "injunction" in event ? event.injunction : undefined;
      const block = drawInjunction(rng, event.day, inj);
      const nats = "nationalities" in event ? event.nationalities : undefined;
      this.changeDays.add(event.day);
      if (block) {
        this.changeDays.add(block.from);
        this.changeDays.add(block.to);
      }
      if (event.type === "third_country_agreement" && event.endsDay !== undefined)
        this.changeDays.add(event.endsDay);
      if (event.type === "departure_incentive" && event.endsDay !== undefined)
        this.changeDays.add(event.endsDay);
      return { event, index, block, mask: nationalityMask(nats) };
    });
  }

  /** The injunction block drawn for event `index` (null when none). */
  blockOf(index: number): Block | null {
    return this.prepared[index]!.block;
  }

  /** Brings `state` up to date for `day`; returns true when anything may have changed. */
  update(day: number): boolean {
    if (this.computedOnce && !this.changeDays.has(day)) return false;
    this.computedOnce = true;
    const s = this.state;
    Object.assign(s, freshState());
    // Border multipliers: the latest event of each cause and nationality set replaces earlier ones of the
    // same kind; different causes multiply (a closure and a wall both act).
    const latestBorder = new Map<string, Prepared>();
    for (const p of this.prepared) {
      const e = p.event;
      if (e.day > day) break;
      if (p.block && day >= p.block.from && day < p.block.to) continue;
      switch (e.type) {
        case "border_inflow":
          latestBorder.set(`${e.cause}|${(e.nationalities ?? []).join(",")}|${e.appliesToGotaways}`, p);
          break;
        case "border_dispositions":
          s.dispositions = e.shares;
          break;
        case "remain_in_mexico":
          s.remainInMexicoShare = e.share;
          break;
        case "expedited_removal_window":
          s.erWindowDays = e.presenceDays;
          s.erNationwide = e.nationwide;
          break;
        case "cooperation":
          s.cooperatingShare = e.share;
          break;
        case "atd_capacity":
          s.atdCapacity = e.capacity;
          break;
        case "transport_capacity":
          if (e.chartersSeatsPerDay !== undefined) s.chartersSeatsPerDay = e.chartersSeatsPerDay;
          if (e.landPerDay !== undefined) s.landPerDay = e.landPerDay;
          break;
        case "third_country_agreement":
          if (e.endsDay === undefined || day < e.endsDay) {
            s.thirdCountries.push({
              index: p.index,
              partner: e.partner,
              quotaPerYear: e.quotaPerYear,
              costPerPerson: e.costPerPerson,
              accepts: p.mask,
            });
          }
          break;
        case "sanctions":
          for (let n = 0; n < NAT; n++) {
            if (!p.mask[n]) continue;
            s.refusalMultiplier[n] *= e.refusalMultiplier;
            s.delayMultiplier[n] *= e.delayMultiplier;
          }
          break;
        case "country_cooperation":
          for (let n = 0; n < NAT; n++) {
            if (!p.mask[n]) continue;
            if (e.refusalShare !== undefined) s.refusalOverride[n] = e.refusalShare;
            if (e.travelDocumentDays !== undefined) s.delayOverride[n] = e.travelDocumentDays;
          }
          break;
        case "departure_incentive":
          s.incentiveActive = e.endsDay === undefined || day < e.endsDay;
          s.stipendUsd = s.incentiveActive ? e.stipendUsd : 0;
          s.paidTravel = s.incentiveActive && e.paidTravel;
          s.incentiveCostPerDeparture = s.incentiveActive ? e.costPerDeparture : 0;
          s.incentiveSource = eventSource(e, p.index);
          break;
        case "arrest_priorities":
          s.priorityOrder = e.order;
          s.priorityStrictness = e.strictness;
          break;
        case "detention_policy":
          s.whenFull = e.whenFull;
          s.detainAll = e.detainAll;
          break;
        case "budget_policy":
          s.whenBudgetExhausted = e.whenExhausted;
          break;
        default:
          // hiring, agreements_287g, national_guard, beds_added, appropriation, protection_end:
          // accumulating or one-off effects, handled in capacity.ts, money.ts and protections.ts.
          break;
      }
    }
    s.encounterMultiplier.fill(1);
    s.gotawayMultiplier.fill(1);
    for (const p of latestBorder.values()) {
      const e = p.event;
      if (e.type !== "border_inflow") continue;
      for (let n = 0; n < NAT; n++) {
        if (!p.mask[n]) continue;
        s.encounterMultiplier[n] *= e.multiplier;
        if (e.appliesToGotaways) s.gotawayMultiplier[n] *= e.multiplier;
      }
    }
    return true;
  }
}
