import type { RedisClient } from '../redis';
import type { RateDecision, RateLimit, RateLimiting } from './rate-limit';

/*
 * The hold rate limit's token buckets in Redis, shared by every instance (REDIS_URL): a client that spreads its
 * requests over the instances behind a balancer gets one bucket, not one per instance. The same bucket as
 * rate-limit.ts, computed in one Lua script so that two instances never take the same tokens. Buckets expire once
 * they would be full again: a client with a full bucket is a new one.
 */

const TAKE = `
local burst, perMs, now, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = math.min(burst, (tonumber(bucket[1]) or burst) + (now - (tonumber(bucket[2]) or now)) * perMs)
local needed = math.min(cost, burst)
local taken = tokens >= needed
if taken then tokens = tokens - needed end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / perMs))
if taken then return -1 end
return math.ceil((needed - tokens) / perMs)`;

export class RedisRateLimiter implements RateLimiting {
  constructor(
    private limit: RateLimit,
    private redis: RedisClient,
    private now: () => number = Date.now,
  ) {}

  async take(client: string, cost = 1): Promise<RateDecision> {
    const perMs = this.limit.perMinute / 60_000;
    const wait = Number(
      await this.redis.eval(TAKE, {
        keys: [`tessera:hold-rate:${client}`],
        arguments: [String(this.limit.burst), String(perMs), String(this.now()), String(cost)],
      }),
    );
    return wait < 0 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }
}
