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
  holdTokens?: string[];
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
            // Every seat is asked for twice, by two different tokens: half of the holds conflict.
            setupRequest: (req: Request): Request => {
              const i = next++;
              const label = config.holdLabels![Math.floor(i / 2) % config.holdLabels!.length];
              return { ...req, body: JSON.stringify({ objects: [label], holdToken: config.holdTokens![i % 2] }) };
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
