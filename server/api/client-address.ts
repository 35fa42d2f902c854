import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/*
 * Which client a request comes from, for per-client limits. Behind a reverse proxy every request's peer is the
 * proxy, so X-Forwarded-For is read — but only as far as the proxies the operator trusts (TRUST_PROXY): anyone can
 * write that header, and believing it from an untrusted peer would let one client pose as thousands. An IPv6 client
 * is counted per /64, the block one household or phone is usually given.
 */

export type TrustProxy = { kind: 'none' } | { kind: 'hops'; count: number } | { kind: 'addresses'; list: BlockList };

/** `false` (default), a number of proxy hops (`1`), or comma-separated addresses and CIDRs (`10.0.0.0/8, ::1`). */
export function parseTrustProxy(setting: string): TrustProxy | { error: string } {
  const value = setting.trim();
  if (value === '' || value === 'false') return { kind: 'none' };
  if (/^\d+$/.test(value)) return { kind: 'hops', count: Number(value) };
  const list = new BlockList();
  for (const entry of value.split(',').map((e) => e.trim())) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIP(address);
    if (!family || (bits !== undefined && !/^\d+$/.test(bits))) return { error: `not an address or CIDR: ${entry}` };
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return { kind: 'addresses', list };
}

/** Answers kept per list: a check builds a SocketAddress, and every request behind a proxy asks about the same peer. */
const checked = new WeakMap<BlockList, Map<string, boolean>>();
const CHECKS_KEPT = 10_000;

function trusted(list: BlockList, address: string): boolean {
  let answers = checked.get(list);
  if (!answers) checked.set(list, (answers = new Map()));
  let answer = answers.get(address);
  if (answer === undefined) {
    if (answers.size >= CHECKS_KEPT) answers.clear();
    answers.set(address, (answer = list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')));
  }
  return answer;
}

/** The client's address: the peer, or the right part of X-Forwarded-For that trusted proxies vouch for. */
function clientAddress(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  if (trust.kind === 'none' || !forwardedFor) return peer;
  const chain = forwardedFor
    .split(',')
    .map((a) => a.trim())
    .filter((a) => isIP(a));
  if (trust.kind === 'hops') return chain[chain.length - trust.count] ?? chain[0] ?? peer;
  if (!trusted(trust.list, peer)) return peer;
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted(trust.list, chain[i]!)) return chain[i]!;
  return chain[0] ?? peer;
}

/** The key a client's limits are counted under: its IPv4 address, or its IPv6 /64. */
export function clientKey(peer: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const address = clientAddress(peer, forwardedFor, trust);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  // Expand `::` to the full eight groups, then keep the first four.
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Whether the request came over https: on our own TLS socket, or through a trusted proxy's X-Forwarded-Proto. */
export function isSecure(req: IncomingMessage, trust: TrustProxy): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const peer = req.socket.remoteAddress ?? '';
  const proxied = trust.kind === 'hops' ? trust.count > 0 : trust.kind === 'addresses' && trusted(trust.list, peer);
  return (
    proxied &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]!
      .trim() === 'https'
  );
}
