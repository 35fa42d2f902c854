/** A token bucket per client: `burst` units at once (places, for holds), refilled at `perMinute`. */
export type RateLimit = { perMinute: number; burst: number };

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A rate limit's buckets: in this process (RateLimiter), or shared by every instance (redis-rate-limit.ts). */
export interface RateLimiting {
  take(client: string, cost?: number): RateDecision | Promise<RateDecision>;
}

export class RateLimiter implements RateLimiting {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private limit: RateLimit,
    private now: () => number = Date.now,
  ) {}

  /** Takes `cost` units from the client's bucket, or says how long until they are there. */
  take(client: string, cost = 1): RateDecision {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 50_000) this.forgetFullBuckets(now, perMs);
    // A request larger than the whole burst could never pass: it waits for a full bucket, and takes all of it.
    const needed = Math.min(cost, this.limit.burst);
    if (bucket.tokens >= needed) {
      bucket.tokens -= needed;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((needed - bucket.tokens) / perMs / 1000)) };
  }

  /** A client whose bucket has refilled is indistinguishable from a new one: forget it. */
  private forgetFullBuckets(now: number, perMs: number): void {
    for (const [client, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= this.limit.burst) this.buckets.delete(client);
    }
  }
}
