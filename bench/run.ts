/**
 * `npm run bench [-- --quick]`: every measurement of docs/BENCHMARKS.md, each against a baseline in the same run.
 * Prints a table and writes bench/results.json. Load generators run in processes of their own; all traffic stays
 * on 127.0.0.1 and every loop is bounded.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { dbBench } from './db-bench';
import { fanoutBench } from './fanout-bench';
import { contentionBench, httpBench, webhookBench } from './http-bench';
import { startProductionServer } from './servers';
import { rendererBench } from './renderer-bench';
import { dashboardBench } from './dashboard-bench';
import { pagesBench } from './pages-bench';
import { scaleBench } from './scale-bench';
import { meetsTarget, progress, table, type Measurement } from './report';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const quick = values.quick;
const started = performance.now();

const sections: [string, () => Promise<Measurement[]>][] = [
  ['db', async () => dbBench(quick)],
  [
    'http',
    async () => {
      const server = await startProductionServer(quick ? 10_000 : 100_000);
      try {
        return [...(await httpBench(server, quick)), ...(await webhookBench(server, quick)), ...(await contentionBench(server))];
      } finally {
        await server.close();
      }
    },
  ],
  ['fanout', () => fanoutBench(quick)],
  ['renderer', () => rendererBench(quick)],
  ['pages', () => pagesBench(quick)],
  ['dashboard', () => dashboardBench(quick)],
  ['scale', () => scaleBench(quick)],
];

const measurements: Measurement[] = [];
for (const [name, run] of sections) {
  if (values.only && values.only !== name) continue;
  measurements.push(...(await run()));
}
progress('');
const seconds = (performance.now() - started) / 1000;
console.log(table(measurements));
const missed = measurements.filter((m) => meetsTarget(m) === false);
console.log(
  `\n${quick ? 'Quick run' : 'Full run'} in ${seconds.toFixed(0)} s on ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB. Targets missed: ${missed.length ? missed.map((m) => `${m.section} ${m.name}`).join('; ') : 'none'}.`,
);
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify(
    { date: new Date().toISOString(), quick, seconds, machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version }, measurements },
    null,
    2,
  ),
);
process.exit(0);
