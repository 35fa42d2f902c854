import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('readEnv', () => {
  it('applies the defaults of a fresh install', () => {
    expect(readEnv({})).toMatchObject({
      PORT: 3000,
      ALLOWED_ORIGINS: [],
      FRAME_ANCESTORS: ["'self'"],
      TRUST_PROXY: { kind: 'none' },
      HOLD_PLACES_PER_CLIENT: 50,
      // An answered booking survives a power cut unless told otherwise.
      DURABILITY: 'power-loss',
    });
    expect(readEnv({ DURABILITY: 'process-crash' }).DURABILITY).toBe('process-crash');
  });

  it('reads lists of origins and proxies', () => {
    const env = readEnv({ ALLOWED_ORIGINS: 'https://shop.example, http://localhost:8080', FRAME_ANCESTORS: "'self', https://shop.example", TRUST_PROXY: '1' });
    expect(env).toMatchObject({
      ALLOWED_ORIGINS: ['https://shop.example', 'http://localhost:8080'],
      FRAME_ANCESTORS: ["'self'", 'https://shop.example'],
      TRUST_PROXY: { kind: 'hops', count: 1 },
    });
  });

  it('refuses to start on a wrong setting, naming it', () => {
    expect(() => readEnv({ ALLOWED_ORIGINS: 'https://shop.example/checkout' })).toThrow('ALLOWED_ORIGINS[0]: an origin: scheme, host and port, no path');
    expect(() => readEnv({ TRUST_PROXY: 'proxy.local' })).toThrow('TRUST_PROXY: not an address or CIDR: proxy.local');
    expect(() => readEnv({ FRAME_ANCESTORS: '*' })).toThrow('FRAME_ANCESTORS[0]');
    expect(() => readEnv({ DURABILITY: 'none' })).toThrow('DURABILITY');
  });
});
