/**
 * Forked by the benchmark: `concurrency` browsers opening a page over and over for `duration` seconds, each load
 * the page's HTML and then its chart document, as a first visit fetches them (compressed, body read and dropped).
 * Reports how many loads completed.
 */
import { Agent, get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

type Config = { base: string; page: string; concurrency: number; duration: number };

const config = await new Promise<Config>((resolve) => process.once('message', (m) => resolve(m as Config)));
const agent = new Agent({ keepAlive: true, maxSockets: config.concurrency });

/** The body, decompressed when asked (the page, to find its chart link), else as it came. */
function fetchBody(url: string, decompress: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        if (!decompress) return resolve('');
        resolve((encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString());
      });
    }).on('error', reject);
  });
}

const until = Date.now() + config.duration * 1000;
let loads = 0;
await Promise.all(
  Array.from({ length: config.concurrency }, async () => {
    while (Date.now() < until) {
      const html = await fetchBody(`${config.base}${config.page}`, true);
      const chart = /\/api\/v1\/charts\/[\w-]+/.exec(html)?.[0];
      if (!chart) throw new Error('the page names no chart');
      await fetchBody(`${config.base}${chart}`, false);
      loads++;
    }
  }),
);
process.send?.({ loads });
process.disconnect?.();
