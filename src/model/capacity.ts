/**
 * Resources that accumulate from dated events: officers, judges and asylum officers (hiring with training
 * delay), 287(g) agreements, National Guard members, and detention beds in blocks by facility type (each
 * block with its own lead time, ramp and unit costs). Values here are at full scale. When the budget policy
 * is `stop_capacity` and the money has run out, additions are skipped (reductions still happen).
 */
import { FACILITY_TYPES, type FacilityType } from "../params/catalog.ts";
import type { PolicyEvent, ResolvedParameters } from "../params/types.ts";
import type { Ledger } from "./money.ts";
import { eventSource } from "./policy.ts";

type Role = "officers" | "judges" | "asylum_officers" | "jail_287g" | "task_force_287g";
const ROLES: readonly Role[] = ["officers", "judges", "asylum_officers", "jail_287g", "task_force_287g"];

interface Addition {
  readonly role: Role;
  readonly amount: number;
  readonly trainingDays: number;
  readonly costPerHire: number;
  readonly costSource: string;
}

export interface BedBlock {
  readonly facility: FacilityType;
  readonly facilityIndex: number;
  /** Base blocks follow the `detention.beds` parameter; event blocks open from their own schedule. */
  readonly base: boolean;
  readonly costPerBedDay: number | undefined;
  readonly source: string;
  beds: number;
  /** Closures applied to a base block (negative), added to the parameter's beds. */
  offset: number;
}

interface BedOpening {
  readonly block: BedBlock;
  readonly beds: number;
  readonly buildCostPerBed: number;
  readonly buildSource: string;
}

interface GuardDeployment {
  readonly from: number;
  readonly to: number;
  readonly members: number;
  readonly costPerMemberDay: number;
  readonly source: string;
  started: boolean;
}

export class Capacities {
  /** Productive additions by role, accumulated (full scale). */
  private readonly added = new Map<Role, number>(ROLES.map((r) => [r, 0]));
  private readonly additions = new Map<number, Addition[]>();
  private readonly effective = new Map<number, { role: Role; amount: number }[]>();
  private readonly openings = new Map<number, BedOpening[]>();
  readonly bedBlocks: BedBlock[] = [];
  readonly guard: GuardDeployment[] = [];
  /** Hires or beds skipped for lack of money. */
  skippedAdditions = 0;

  officers = 0;
  judges = 0;
  asylumOfficers = 0;
  jail287g = 0;
  taskForce287g = 0;
  guardMembers = 0;
  beds = 0;

  constructor(
    private readonly params: ResolvedParameters,
    events: readonly PolicyEvent[],
  ) {
    for (const f of FACILITY_TYPES) {
      this.bedBlocks.push({
        facility: f,
        facilityIndex: FACILITY_TYPES.indexOf(f),
        base: true,
        costPerBedDay: undefined,
        source: "detention.cost_per_bed_day",
        beds: 0,
        offset: 0,
      });
    }
    events.forEach((e, i) => {
      this.prepare(e, i);
    });
  }

  private pushAt<T>(map: Map<number, T[]>, day: number, item: T): void {
    const list = map.get(day);
    if (list) list.push(item);
    else map.set(day, [item]);
  }

  private spread(day: number, overDays: number, total: number, make: (amount: number) => Addition): void {
    const n = Math.max(1, Math.round(overDays));
    for (let d = 0; d < n; d++) this.pushAt(this.additions, day + d, make(total / n));
  }

  private prepare(e: PolicyEvent, index: number): void {
    const source = eventSource(e, index);
    const p = this.params;
    switch (e.type) {
      case "hiring": {
        const role: Role = e.role;
        const training =
          e.trainingDays ??
          (role === "officers"
            ? p.scalar("arrests.officer_training_days").at(e.day)
            : role === "judges"
              ? p.scalar("courts.judge_hiring_days").at(e.day)
              : 0);
        const cost =
          e.costPerHire ?? (role === "officers" ? p.scalar("arrests.officer_hiring_cost").at(e.day) : 0);
        const costSource = e.costPerHire !== undefined ? source : "arrests.officer_hiring_cost";
        this.spread(e.day, e.overDays, e.count, (amount) => ({
          role,
          amount,
          trainingDays: Math.round(training),
          costPerHire: cost,
          costSource,
        }));
        break;
      }
      case "agreements_287g":
        this.spread(e.day, e.overDays, e.jail, (amount) => ({
          role: "jail_287g",
          amount,
          trainingDays: 0,
          costPerHire: 0,
          costSource: source,
        }));
        this.spread(e.day, e.overDays, e.taskForce, (amount) => ({
          role: "task_force_287g",
          amount,
          trainingDays: 0,
          costPerHire: 0,
          costSource: source,
        }));
        break;
      case "national_guard":
        this.guard.push({
          from: e.day,
          to: e.day + e.durationDays,
          members: e.members,
          costPerMemberDay: e.costPerMemberDay,
          source,
          started: false,
        });
        break;
      case "beds_added": {
        if (e.beds < 0) {
          // Closures take beds away from the facility type's funded beds (its base block).
          const base = this.bedBlocks.find((b) => b.base && b.facility === e.facility)!;
          const first = e.day + Math.round(e.leadDays);
          const n = Math.max(1, Math.round(e.rampDays));
          for (let d = 0; d < n; d++) {
            this.pushAt(this.openings, first + d, {
              block: base,
              beds: e.beds / n,
              buildCostPerBed: 0,
              buildSource: source,
            });
          }
          break;
        }
        const block: BedBlock = {
          facility: e.facility,
          facilityIndex: FACILITY_TYPES.indexOf(e.facility),
          base: false,
          costPerBedDay: e.costPerBedDay,
          source: e.costPerBedDay !== undefined ? source : "detention.cost_per_bed_day",
          beds: 0,
          offset: 0,
        };
        this.bedBlocks.push(block);
        const build = e.buildCostPerBed ?? p.breakdown("detention.build_cost_per_bed").at(e.day)[e.facility];
        const buildSource = e.buildCostPerBed !== undefined ? source : "detention.build_cost_per_bed";
        const first = e.day + Math.round(e.leadDays);
        const n = Math.max(1, Math.round(e.rampDays));
        for (let d = 0; d < n; d++) {
          this.pushAt(this.openings, first + d, {
            block,
            beds: e.beds / n,
            buildCostPerBed: build,
            buildSource,
          });
        }
        break;
      }
      default:
        break;
    }
  }

  /**
   * Applies the day's additions and brings every capacity up to date. `frozen`: the budget policy stops
   * new capacity today.
   */
  update(day: number, frozen: boolean, ledger: Ledger): void {
    const p = this.params;
    for (const a of this.additions.get(day) ?? []) {
      if (frozen && a.amount > 0) {
        this.skippedAdditions += a.amount;
        continue;
      }
      if (a.amount > 0 && a.costPerHire > 0) {
        ledger.charge(
          day,
          "staffing",
          `${a.role}_hired`,
          "operating",
          "hires",
          a.amount,
          a.costPerHire,
          a.costSource,
        );
      }
      // Hires become productive after training; losses take effect at once.
      this.pushAt(this.effective, a.amount > 0 ? day + a.trainingDays : day, {
        role: a.role,
        amount: a.amount,
      });
    }
    for (const eff of this.effective.get(day) ?? []) {
      this.added.set(eff.role, this.added.get(eff.role)! + eff.amount);
    }
    for (const o of this.openings.get(day) ?? []) {
      if (frozen && o.beds > 0) {
        this.skippedAdditions += o.beds;
        continue;
      }
      if (o.block.base) o.block.offset += o.beds;
      else o.block.beds = Math.max(0, o.block.beds + o.beds);
      if (o.beds > 0) {
        ledger.charge(
          day,
          "capital",
          `beds.${o.block.facility}`,
          "capital",
          "beds built",
          o.beds,
          o.buildCostPerBed,
          o.buildSource,
        );
      }
    }
    const nonNeg = (x: number) => Math.max(x, 0);
    this.officers = nonNeg(p.scalar("arrests.officers").at(day) + this.added.get("officers")!);
    this.judges = nonNeg(p.scalar("courts.judges").at(day) + this.added.get("judges")!);
    this.asylumOfficers = nonNeg(
      p.scalar("expedited_removal.asylum_officers").at(day) + this.added.get("asylum_officers")!,
    );
    this.jail287g = nonNeg(p.scalar("arrests.agreements_287g").at(day) + this.added.get("jail_287g")!);
    this.taskForce287g = nonNeg(this.added.get("task_force_287g")!);
    const baseBeds = p.breakdown("detention.beds").at(day);
    let beds = 0;
    for (const b of this.bedBlocks) {
      if (b.base) b.beds = Math.max(0, baseBeds[b.facility] + b.offset);
      beds += b.beds;
    }
    this.beds = beds;
    let guard = 0;
    for (const g of this.guard) {
      if (day >= g.from && day < g.to) {
        if (!g.started && frozen) continue;
        g.started = true;
        guard += g.members;
        ledger.charge(
          day,
          "national_guard",
          "members",
          "operating",
          "member-days",
          g.members,
          g.costPerMemberDay,
          g.source,
        );
      }
    }
    this.guardMembers = guard;
  }
}
