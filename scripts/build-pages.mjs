// Builds the Next pages and chart.js when either is missing or older than the sources: for `npm start` and the benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(join(root, path)).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build` if needed; exits the process when the build fails. */
export function buildPagesIfStale(env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }) {
  const buildId = join(root, '.next', 'BUILD_ID');
  const sources = Math.max(...['app', 'components', 'contracts', 'server', 'db'].filter((d) => existsSync(join(root, d))).map(newestMtime));
  const chartJs = join(root, '.next', 'chart-js', 'chart.js');
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources && existsSync(chartJs) && statSync(chartJs).mtimeMs >= sources) return;
  console.log('Building the pages and chart.js (first start or changed sources)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
