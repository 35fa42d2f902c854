import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/test-server';
import { openBooking, type SqliteBooking } from './booking';

let booking: SqliteBooking;
let cleanup: () => void;
afterEach(() => cleanup());

function open(now: () => number = Date.now) {
  const temp = tempDir();
  const file = join(temp.dir, 'access.db');
  booking = openBooking({ databaseUrl: `file:${file}`, now });
  cleanup = () => {
    booking.close();
    temp.cleanup();
  };
  return file;
}

describe('ensureOrganiserPassword', () => {
  it('generates a password on first start only, and stores nothing but a salted hash of it', async () => {
    const file = open();
    const { generated } = await booking.ensureOrganiserPassword(undefined);
    expect(generated).toMatch(/^[\w-]{16}$/);
    expect(await booking.ensureOrganiserPassword(undefined)).toEqual({});
    expect(await booking.organiserLogin(generated!)).toMatchObject({ id: expect.any(String) });
    const witness = new Database(file, { readonly: true });
    const { hash } = witness.prepare('select password_hash as hash from organiser_credentials').get() as { hash: string };
    witness.close();
    expect(hash).toMatch(/^scrypt\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain(generated);
  });
});

describe('organiserSession', () => {
  it('finds a live session by the id only the browser holds, and not after 12 hours', async () => {
    let now = Date.UTC(2026, 10, 25, 12);
    open(() => now);
    await booking.ensureOrganiserPassword('the-password');
    const session = await booking.organiserLogin('the-password');
    if (session === 'wrong_password') throw new Error('login failed');
    expect(booking.organiserSession(session.id)).toEqual({ csrfToken: session.csrfToken, expiresAt: now + 12 * 3600_000 });
    expect(booking.organiserSession(`${session.id}x`)).toBeUndefined();
    now += 12 * 3600_000;
    expect(booking.organiserSession(session.id)).toBeUndefined();
  });
});
