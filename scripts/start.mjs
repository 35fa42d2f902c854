// `npm start`: build the pages when the build is missing or older than the sources, then run the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(join(root, path)).mtimeMs);
  }
  return newest;
}

const buildId = join(root, '.next', 'BUILD_ID');
const sources = Math.max(...['app', 'components', 'server', 'db'].filter((d) => existsSync(join(root, d))).map(newestMtime));
if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
  console.log('Building the pages (first start or changed sources)…');
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env: { NODE_ENV: 'production', ...env }, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
