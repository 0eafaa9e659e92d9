/**
 * A daily service capacity in whole units with the fractional part carried to the next day, so that a
 * capacity of 2.5 a day serves 5 every two days. Unused whole units are not banked.
 */
export class DailyCapacity {
  private carry = 0;
  /** Capacity offered today (fractional), for utilisation. */
  offered = 0;
  used = 0;

  /** Units available today for a capacity of `perDay`. */
  open(perDay: number): number {
    this.offered = perDay;
    this.used = 0;
    const total = perDay + this.carry;
    const whole = Math.floor(total + 1e-9);
    this.carry = total - whole;
    if (this.carry < 0) this.carry = 0;
    return whole;
  }

  /** Records `n` units used; the unused whole units are dropped (no banking). */
  close(n: number): void {
    this.used = n;
  }
}
