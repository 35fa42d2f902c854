/**
 * Forked by the benchmark: one autocannon run in its own process, so the load generator does not take the
 * server's CPU. The config arrives as the first IPC message; the result goes back the same way.
 */
import autocannon, { type Request } from 'autocannon';

type Config = {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  duration: number;
  /** Requests per second in all, for latency at a steady load rather than throughput at saturation. */
  overallRate?: number;
  headers?: Record<string, string>;
  holdLabels?: string[];
  /** The seats.io dialect's body, with these tokens; without, the buyer API's, each hold a new buyer's first click. */
  holdTokens?: string[];
  /** Where the holds go, one pair of requests (a seat asked for twice) to each in turn; the url's path without. */
  holdPaths?: string[];
  /** Where in holdLabels this load generator starts: two of them at once ask for different seats. */
  labelOffset?: number;
};

const config = await new Promise<Config>((resolve) => process.once('message', (m) => resolve(m as Config)));
let next = 0;
const result = await autocannon({
  url: config.url,
  method: config.method,
  connections: config.connections,
  duration: config.duration,
  ...(config.overallRate ? { overallRate: config.overallRate } : {}),
  headers: { 'content-type': 'application/json', ...config.headers },
  ...(config.holdLabels
    ? {
        requests: [
          {
            // Every seat is asked for twice, by two different tokens or buyers: half of the holds conflict.
            setupRequest: (req: Request): Request => {
              const i = next++;
              const pair = Math.floor(i / 2);
              const label = config.holdLabels![((config.labelOffset ?? 0) + pair) % config.holdLabels!.length];
              const path = config.holdPaths ? { path: config.holdPaths[pair % config.holdPaths.length] } : {};
              if (config.holdTokens) return { ...req, ...path, body: JSON.stringify({ objects: [label], holdToken: config.holdTokens[i % 2] }) };
              // A buyer of their own behind the load balancer (the server trusts loopback's X-Forwarded-For).
              const buyer = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
              return { ...req, headers: { ...req.headers, 'x-forwarded-for': buyer }, body: JSON.stringify({ objectLabels: [label] }) };
            },
          },
        ],
      }
    : {}),
});
process.send?.({
  requestsPerSecond: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  total: result.requests.total,
  statusCodes: result.statusCodeStats,
});
process.disconnect?.();
