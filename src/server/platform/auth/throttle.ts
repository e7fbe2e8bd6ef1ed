/**
 * Login throttling, per username and per client address: after too many failures within the
 * window, further attempts are refused until the oldest failure leaves the window. Kept in
 * memory: the app runs as one process.
 */
export interface ThrottleLimits {
  windowMs: number;
  perUser: number;
  perAddress: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, perUser: 5, perAddress: 30 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(username: string, address: string): number {
    const now = this.clock();
    const waits = [
      this.waitFor(`u:${username.toLowerCase()}`, this.limits.perUser, now),
      this.waitFor(`a:${address}`, this.limits.perAddress, now),
    ];
    return Math.max(...waits);
  }

  recordFailure(username: string, address: string): void {
    const now = this.clock();
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  /** Undo the attempt counted before a check that succeeded; the user's slate is wiped. */
  recordSuccess(username: string, address: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
    this.failures.set(`a:${address}`, (this.failures.get(`a:${address}`) ?? []).slice(0, -1));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
  }

  private waitFor(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    const oldest = recent[recent.length - limit]!;
    return Math.max(1, Math.ceil((oldest + this.limits.windowMs - now) / 1000));
  }
}
