import { expect } from 'vitest';
import type { TestServer } from './test-server';

/**
 * The official client's call is refused with `status`, its messages mention `words`, and nothing changed: what every
 * test of a refusal through the seats.io dialect asserts.
 */
export async function expectClientRefusal(server: TestServer, call: () => Promise<unknown>, status: number, words: string): Promise<void> {
  const before = await server.fingerprint();
  const refusal = await call().then(
    () => undefined,
    (e: unknown) => e as { status: number; messages: string[] },
  );
  expect(refusal, `accepted, expected a refusal mentioning ${words}`).toBeDefined();
  expect(refusal!.status).toBe(status);
  expect(refusal!.messages.join(' ')).toContain(words);
  expect(await server.fingerprint()).toEqual(before);
}
