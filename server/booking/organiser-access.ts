import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Store } from './store';
import { exec, one, transaction, type Steps } from '../../db/steps';

/*
 * Who may use the organiser screens: whoever knows the organisers' password (ADMIN_PASSWORD, or one generated on
 * first start). The password is kept as a salted scrypt hash; a login opens a session whose id only the browser
 * holds (the table keeps its SHA-256) and which carries the CSRF token every state-changing request must send.
 */

const SESSION_MS = 12 * 60 * 60_000;
/** scrypt's cost: ~50 ms a hash here, so guessing is slow and a login is not. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;

function scrypt(password: BinaryLike, salt: BinaryLike): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, 32, SCRYPT, (error, key) => (error ? reject(error) : resolve(key))));
}

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await scrypt(password, salt)).toString('base64url')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [, salt, hash] = stored.split('$') as [string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const given = await scrypt(password, Buffer.from(salt, 'base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * The organisers' password at start: ADMIN_PASSWORD when set (it replaces what was stored), else the stored one,
 * else a new one, returned so that it can be shown once.
 */
export async function ensureOrganiserPassword(store: Store, fromEnvironment: string | undefined): Promise<{ generated?: string }> {
  const { organiserCredentials, organiserSessions } = store.tables;
  const stored = await store.run(credentials(store));
  if (!fromEnvironment && stored) return {};
  const password = fromEnvironment ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await store.run(
    transaction(function* () {
      yield* exec(
        store.db
          .insert(organiserCredentials)
          .values({ id: 1, passwordHash, updatedAt: store.now() })
          .onConflictDoUpdate({ target: organiserCredentials.id, set: { passwordHash, updatedAt: store.now() } }),
      );
      // A new password ends every session opened with the old one.
      yield* exec(store.db.delete(organiserSessions));
    }),
  );
  return fromEnvironment ? {} : { generated: password };
}

const credentials = ({ db, tables: { organiserCredentials } }: Store) => one(db.select().from(organiserCredentials).where(eq(organiserCredentials.id, 1)));

export type OrganiserSession = { id: string; csrfToken: string; expiresAt: number };

/** A new session for the right password. */
export async function organiserLogin(store: Store, password: string): Promise<OrganiserSession | 'wrong_password'> {
  const { organiserSessions } = store.tables;
  const stored = await store.run(credentials(store));
  if (!stored || !(await passwordMatches(password, stored.passwordHash))) return 'wrong_password';
  const session = { id: randomBytes(32).toString('base64url'), csrfToken: randomBytes(24).toString('base64url'), expiresAt: store.now() + SESSION_MS };
  await store.run(
    transaction(function* () {
      yield* exec(store.db.delete(organiserSessions).where(lt(organiserSessions.expiresAt, store.now())));
      yield* exec(
        store.db
          .insert(organiserSessions)
          .values({ idHash: sha256(session.id), csrfToken: session.csrfToken, createdAt: store.now(), expiresAt: session.expiresAt }),
      );
    }),
  );
  return session;
}

/** The live session a browser's cookie names, if any. */
export function* organiserSession(store: Store, sessionId: string | undefined): Steps<Omit<OrganiserSession, 'id'> | undefined> {
  const { organiserSessions } = store.tables;
  if (!sessionId) return undefined;
  const row = yield* one(
    store.db
      .select()
      .from(organiserSessions)
      .where(eq(organiserSessions.idHash, sha256(sessionId))),
  );
  return row && row.expiresAt > store.now() ? { csrfToken: row.csrfToken, expiresAt: row.expiresAt } : undefined;
}

export function* organiserLogout(store: Store, sessionId: string): Steps<void> {
  const { organiserSessions } = store.tables;
  yield* exec(store.db.delete(organiserSessions).where(eq(organiserSessions.idHash, sha256(sessionId))));
}
