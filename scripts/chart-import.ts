/**
 * `npm run chart:import -- venue.json [--key KEY]`: validates a seats.io chart file and stores it in the
 * default workspace of the database at DATABASE_URL. An invalid file is reported field by field; nothing is stored.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectBooking } from '../server/booking/booking';
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
const env = readEnv();
const booking = await connectBooking({ databaseUrl: env.DATABASE_URL });
const { workspace } = await booking.ensureDefaultWorkspace({ secretKey: env.TESSERA_SECRET_KEY, publicKey: env.TESSERA_PUBLIC_KEY });
const result = await booking.importChart(workspace.id, json, values.key !== undefined ? { key: values.key } : {});
await booking.close();
if (!result.ok) {
  if (result.reason === 'invalid_chart') {
    console.error(`${file} is not a valid chart:`);
    for (const e of result.errors) console.error(`  ${e.path}: ${e.message}`);
  } else console.error(`A chart with key ${values.key} already exists`);
  process.exit(1);
}
const { definition, chart } = result;
const places = definition.objects.filter((o) => o.bookable).length;
console.log(`Imported "${definition.name}" as chart ${chart.key}: ${places} bookable objects, ${definition.categories.length} categories`);
