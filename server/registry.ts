import type { Workspace } from '../db/schema';
import type { BookingContext } from './booking/context';

/**
 * The services the custom server created, for Next's pages. Next bundles pages separately from the custom
 * server, so module-level singletons are not shared between them; globalThis is.
 */
export type Registry = { booking: BookingContext; defaultWorkspace: Workspace };

const KEY = Symbol.for('tessera.registry');

export function setRegistry(registry: Registry): void {
  (globalThis as Record<symbol, unknown>)[KEY] = registry;
}

export function getRegistry(): Registry {
  const registry = (globalThis as Record<symbol, unknown>)[KEY] as Registry | undefined;
  if (!registry) throw new Error('Tessera services are not running: start the app with `npm start` (server/main.ts)');
  return registry;
}
