import { describe, expect, it } from 'vitest';
import { clientKey, parseTrustProxy, type TrustProxy } from './client-address';

const trust = (setting: string) => parseTrustProxy(setting) as TrustProxy;

describe('clientKey', () => {
  it('is the peer address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientKey('203.0.113.7', '198.51.100.1, 198.51.100.2', trust('false'))).toBe('203.0.113.7');
  });

  it('reads X-Forwarded-For as far as the trusted hops reach', () => {
    // nginx in front: it appends the address it saw; anything before that the client could have written.
    expect(clientKey('10.0.0.2', '6.6.6.6, 203.0.113.7', trust('1'))).toBe('203.0.113.7');
    expect(clientKey('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.9', trust('2'))).toBe('203.0.113.7');
  });

  it('trusts X-Forwarded-For only from listed proxies, and skips the listed proxies in it', () => {
    const proxies = trust('10.0.0.0/8, ::1');
    expect(clientKey('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.1.1.1', proxies)).toBe('203.0.113.7');
    expect(clientKey('198.51.100.9', '203.0.113.7', proxies)).toBe('198.51.100.9');
    expect(clientKey('::1', '2001:db8::1', proxies)).toBe('2001:db8:0:0::/64');
  });

  it('counts an IPv6 client per /64, and an IPv4-mapped address as IPv4', () => {
    expect(clientKey('2001:db8:abcd:12:1:2:3:4', undefined, trust(''))).toBe('2001:db8:abcd:12::/64');
    expect(clientKey('2001:db8:abcd:12::99', undefined, trust(''))).toBe('2001:db8:abcd:12::/64');
    expect(clientKey('::ffff:203.0.113.7', undefined, trust(''))).toBe('203.0.113.7');
  });
});

describe('parseTrustProxy', () => {
  it('names a wrong entry', () => {
    expect(parseTrustProxy('10.0.0.0/8, proxy.local')).toEqual({ error: 'not an address or CIDR: proxy.local' });
  });
});
