// `npm start`: build the pages when the build is missing or older than the sources, then run the server.
import { spawn } from 'node:child_process';
import { buildPagesIfStale } from './build-pages.mjs';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

buildPagesIfStale(env);
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env: { NODE_ENV: 'production', ...env }, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
