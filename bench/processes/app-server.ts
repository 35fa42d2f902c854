/**
 * Forked by the benchmark: Tessera's API and Socket.IO (no pages) on a temporary database with a generated
 * venue, limits raised. Sends {port} when listening; answers {type:'memory'} with its heap and external memory after a GC.
 * BENCH_DATABASE_URL and BENCH_REDIS_URL make it an instance of several on one PostgreSQL database; with BENCH_JOIN
 * another instance has imported the venue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication } from '../../server/app';
import { venueWithSeats } from '../../server/charts/generate-venue';
import { importSeatsioChart } from '../../server/charts/import-seatsio-chart';
import { BENCH_SECRET_KEY } from '../servers';

const seats = Number(process.env.BENCH_SEATS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-app-'));
const app = await createApplication({
  databaseUrl: process.env.BENCH_DATABASE_URL ?? `file:${join(dir, 'bench.db')}`,
  ...(process.env.BENCH_REDIS_URL ? { redisUrl: process.env.BENCH_REDIS_URL } : {}),
  // The default (synced before every answer) unless the benchmark asks for the other setting.
  ...(process.env.BENCH_DURABILITY === 'process-crash' ? { durability: 'process-crash' as const } : {}),
  secretKey: BENCH_SECRET_KEY,
  holdRateLimit: { perMinute: 1e9, burst: 1e9 },
  // The webhook bench's receiver listens on loopback.
  webhookAllowPrivate: true,
});
const venue = process.env.BENCH_JOIN
  ? importSeatsioChart(venueWithSeats(seats))
  : await app.booking.importChart(app.defaultWorkspace.id, venueWithSeats(seats), {
      key: 'bench',
      events: [{ key: 'bench' }, { key: 'contention' }, { key: 'fanout' }, { key: 'hooks-off' }, { key: 'hooks-on' }],
    });
if (!venue.ok) throw new Error(`bench venue: ${'reason' in venue ? venue.reason : 'invalid'}`);
const labels = ('definition' in venue ? venue.definition : venue.chart).objects.map((o) => o.label);

const port = await app.listen(0);
process.send?.({ type: 'ready', port, dbFile: join(dir, 'bench.db'), labels });
process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    global.gc?.();
    const { heapUsed, external } = process.memoryUsage();
    process.send?.({ type: 'memory', bytes: heapUsed + external });
  }
});
process.on('disconnect', () => {
  void app.close().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
