/** A token bucket per client: `burst` requests at once, refilled at `perMinute`. */
export type RateLimit = { perMinute: number; burst: number };

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private limit: RateLimit,
    private now: () => number = Date.now,
  ) {}

  take(client: string): RateDecision {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 50_000) this.forgetFullBuckets(now, perMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** A client whose bucket has refilled is indistinguishable from a new one: forget it. */
  private forgetFullBuckets(now: number, perMs: number): void {
    for (const [client, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= this.limit.burst) this.buckets.delete(client);
    }
  }
}
