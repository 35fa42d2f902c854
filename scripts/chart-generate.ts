/**
 * `npm run chart:generate -- --seats 100000 [--shape arena|grid] [--out venue.json]`: writes a seats.io chart file of
 * a venue with about that many seats, for demos, benchmarks and load tests: an arena (a bowl of sections in tiers
 * around a stage, the default) or a grid of sections of 20 rows × 25 facing a stage.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bowlVenue, venueWithSeats } from '../server/charts/generate-venue';

const { values } = parseArgs({
  options: { seats: { type: 'string', default: '10000' }, shape: { type: 'string', default: 'arena' }, out: { type: 'string' } },
});
const seats = Number(values.seats);
if (!Number.isInteger(seats) || seats < 1 || seats > 1_000_000) {
  console.error('--seats must be a whole number from 1 to 1,000,000');
  process.exit(2);
}
if (values.shape !== 'arena' && values.shape !== 'grid') {
  console.error('--shape must be arena or grid');
  process.exit(2);
}
const json = JSON.stringify(values.shape === 'arena' ? bowlVenue(seats) : venueWithSeats(seats));
if (values.out) {
  writeFileSync(values.out, json);
  console.error(`Wrote ${values.out} (${seats} seats, ${(json.length / 1e6).toFixed(1)} MB)`);
} else process.stdout.write(json);
