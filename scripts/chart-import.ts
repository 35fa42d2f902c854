/**
 * `npm run chart:import -- venue.json [--key KEY]`: validates a seats.io chart file and stores it in the
 * default workspace of the database at DATABASE_URL. An invalid file is reported field by field; nothing is stored.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { storeChart } from '../server/booking/charts';
import { createBookingContext } from '../server/booking/context';
import { ensureDefaultWorkspace } from '../server/booking/workspaces';
import { importSeatsioChart } from '../server/charts/import-seatsio-chart';
import { readEnv } from '../server/env';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { key: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run chart:import -- <chart.json> [--key KEY]');
  process.exit(2);
}

let json: unknown;
try {
  json = JSON.parse(readFileSync(file, 'utf8'));
} catch (cause) {
  console.error(`${file}: not a readable JSON file (${cause instanceof Error ? cause.message : cause})`);
  process.exit(1);
}
const imported = importSeatsioChart(json);
if (!imported.ok) {
  console.error(`${file} is not a valid chart:`);
  for (const e of imported.errors) console.error(`  ${e.path}: ${e.message}`);
  process.exit(1);
}

const env = readEnv();
const db = openDatabase(env.DATABASE_URL);
const { workspace } = ensureDefaultWorkspace(db, { secretKey: env.TESSERA_SECRET_KEY, publicKey: env.TESSERA_PUBLIC_KEY });
const booking = createBookingContext({ db, now: Date.now, onCommit: () => {} });
const stored = storeChart(booking, workspace.id, imported.chart, values.key);
if (!stored.ok) {
  console.error(`A chart with key ${values.key} already exists`);
  process.exit(1);
}
const places = imported.chart.objects.filter((o) => o.bookable).length;
console.log(`Imported "${imported.chart.name}" as chart ${stored.chart.key}: ${places} bookable objects, ${imported.chart.categories.length} categories`);
db.$client.close();
