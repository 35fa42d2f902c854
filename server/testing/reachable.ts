import { connect } from 'node:net';

/**
 * Whether a service the scale-out tests need answers at `url` (a TCP connection opens); when not, says that the
 * tests needing it are skipped, and why. CI starts both services, so there they always run.
 */
export async function serviceReachable(service: string, url: string, defaultPort: number, what: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = connect(Number(port || defaultPort), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
  if (!reachable) console.warn(`Skipping ${what}: no ${service} at ${url}`);
  return reachable;
}
