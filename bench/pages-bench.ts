import { readFileSync } from 'node:fs';
import { forkProcess } from './child';
import { benchAuth, holdToken, importVenue, startPageServer, stopPageServer, type PageServer } from './servers';
import { progress, time, type Measurement } from './report';

/*
 * 6. Pages: the server as `npm start` runs it, Next pages included, with a 100,000-seat venue. Server CPU per page
 * view (the page's HTML and its chart document, as a first visit fetches them) against the 2,000-place demo's; and
 * hold latency on another event while 20 browsers open the big page over and over, against the same holds alone.
 */

/** CPU time (user + system) the process has used so far, in milliseconds (Linux clock ticks are 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Server CPU per view of `page`, over `views` views one after another (after warming up). */
async function cpuPerView(server: PageServer, page: string, views: number): Promise<number> {
  const view = async () => {
    const html = await (await fetch(`${server.base}${page}`, { headers: { 'accept-encoding': 'br, gzip' } })).text();
    const chart = /\/api\/v1\/charts\/[\w-]+/.exec(html)![0];
    await (await fetch(`${server.base}${chart}`, { headers: { 'accept-encoding': 'br, gzip' } })).arrayBuffer();
  };
  for (let i = 0; i < 10; i++) await view();
  const before = cpuMs(server.child.pid!);
  for (let i = 0; i < views; i++) await view();
  return (cpuMs(server.child.pid!) - before) / views;
}

type Holds = { p50: number; p99: number; requestsPerSecond: number };

/** Holds on the `holds` event at a steady 200 a second, with or without 20 browsers loading the big page. */
async function holdsWhile(server: PageServer, labels: string[], tokens: string[], pageLoads: boolean, duration: number): Promise<Holds & { loads: number }> {
  const loader = pageLoads ? forkProcess<{ loads: number }>('page-loads') : undefined;
  loader?.child.send({ base: server.base, page: '/events/big', concurrency: 20, duration: duration + 1 });
  const holds = forkProcess<Holds>('autocannon');
  holds.child.send({
    url: `${server.base}/api/events/holds/actions/hold`,
    method: 'POST',
    connections: 10,
    duration,
    overallRate: 200,
    headers: benchAuth,
    holdLabels: labels,
    holdTokens: tokens,
  });
  const [result, { loads }] = await Promise.all([holds.first, loader?.first ?? { loads: 0 }]);
  return { ...result, loads };
}

export async function pagesBench(quick: boolean): Promise<Measurement[]> {
  progress('[pages] building the pages if needed, starting the server…');
  const server = await startPageServer();
  try {
    progress('[pages] importing a 100,000-seat venue…');
    const labels = await importVenue(server.base, 100_000, 'big', [
      { eventKey: 'big', name: 'Stadium', salesSettings: { checkoutMode: 'reservation' } },
      { eventKey: 'holds' },
    ]);
    const tokens = [await holdToken(Number(new URL(server.base).port)), await holdToken(Number(new URL(server.base).port))];

    progress('[pages] CPU per page view…');
    const views = quick ? 20 : 100;
    const big = await cpuPerView(server, '/events/big', views);
    const demo = await cpuPerView(server, '/events/demo-concert', views);

    const duration = quick ? 3 : 10;
    const rounds: { alone: Holds; loaded: Holds & { loads: number } }[] = [];
    for (let round = 0; round < (quick ? 1 : 2); round++) {
      progress(`[pages] round ${round + 1}: holds alone, then beside 20 browsers loading the big page…`);
      rounds.push({ alone: await holdsWhile(server, labels, tokens, false, duration), loaded: await holdsWhile(server, labels, tokens, true, duration) });
    }
    const worst = rounds.reduce((a, b) => (b.loaded.p99 > a.loaded.p99 ? b : a));
    const loadsPerSecond = rounds.reduce((n, r) => n + r.loaded.loads, 0) / (rounds.length * (duration + 1));
    return [
      {
        ...time('6 pages', '100k-seat page view: server CPU', big, 'ms', { name: '2k-seat demo page', value: demo }),
        note: `target < 20 ms ${big < 20 ? '✓' : '✗'}; HTML + chart document (brotli), ${views} views`,
      },
      {
        ...time('6 pages', 'hold p99 beside 20 browsers loading it', worst.loaded.p99, 'ms', { name: 'holds alone', value: worst.alone.p99 }),
        note: `target < 50 ms ${worst.loaded.p99 < 50 ? '✓' : '✗'}; 200 holds/s; ${loadsPerSecond.toFixed(0)} page loads/s; p99 per round ${rounds.map((r) => `${r.alone.p99}/${r.loaded.p99}`).join(', ')} ms`,
      },
    ];
  } finally {
    await stopPageServer(server);
  }
}
