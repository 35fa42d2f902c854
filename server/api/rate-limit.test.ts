import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill interval, per client', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    // Empty bucket: one token comes back every second at 60 per minute.
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now += 1000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('says how long to wait', () => {
    const limiter = new RateLimiter({ perMinute: 6, burst: 1 }, () => 0);
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('charges what a request costs, and lets a request larger than the burst through only on a full bucket', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 5 }, () => now);
    expect(limiter.take('a', 4).ok).toBe(true);
    expect(limiter.take('a', 2)).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 4000;
    expect(limiter.take('a', 9).ok).toBe(true);
    expect(limiter.take('a', 1)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
