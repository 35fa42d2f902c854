/**
 * Forked by the benchmark: Tessera's API and Socket.IO (no pages) on a temporary database with a generated
 * venue, limits raised. Sends {port} when listening; answers {type:'memory'} with its heap and external memory after a GC.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication } from '../../server/app';
import { venueWithSeats } from '../../server/charts/generate-venue';
import { BENCH_SECRET_KEY } from '../servers';

const seats = Number(process.env.BENCH_SEATS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-app-'));
const app = await createApplication({
  databaseUrl: `file:${join(dir, 'bench.db')}`,
  // The default (synced before every answer) unless the benchmark asks for the other setting.
  ...(process.env.BENCH_DURABILITY === 'process-crash' ? { durability: 'process-crash' as const } : {}),
  secretKey: BENCH_SECRET_KEY,
  holdRateLimit: { perMinute: 1e9, burst: 1e9 },
  // The webhook bench's receiver listens on loopback.
  webhookAllowPrivate: true,
});
const venue = await app.booking.importChart(app.defaultWorkspace.id, venueWithSeats(seats), {
  key: 'bench',
  events: [{ key: 'bench' }, { key: 'contention' }, { key: 'fanout' }, { key: 'hooks-off' }, { key: 'hooks-on' }],
});
if (!venue.ok) throw new Error(`bench venue: ${venue.reason}`);

const port = await app.listen(0);
process.send?.({ type: 'ready', port, dbFile: join(dir, 'bench.db'), labels: venue.definition.objects.map((o) => o.label) });
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
