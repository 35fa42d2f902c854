import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Forks a TypeScript file of bench/processes with tsx and waits for its first IPC message. */
export function forkProcess<T>(
  name: string,
  args: string[] = [],
  env: Record<string, string> = {},
  execArgv: string[] = [],
): { child: ChildProcess; first: Promise<T> } {
  const child = fork(fileURLToPath(new URL(`./processes/${name}.ts`, import.meta.url)), args, {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const first = new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before answering`)));
  });
  return { child, first };
}

/** Sends a message and waits for the next reply; fails if the child dies first. */
export function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) => reject(new Error(`child exited (${code ?? signal}) before replying`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.off('exit', onExit);
      resolve(m as T);
    });
    child.send(message as object);
  });
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    if (child.connected) child.disconnect();
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
