import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Workspace } from '../../db/schema';
import { pageById, type Page, type PageRequest } from './paging';
import type { Store } from './store';
import { exec, many, one, transaction, type Steps } from '../../db/steps';

function newPublicKey(): string {
  return randomUUID();
}

function newSecretKey(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The default workspace, created on first start. Fixed keys (TESSERA_SECRET_KEY / TESSERA_PUBLIC_KEY) replace
 * generated ones so tests and scripts know them in advance.
 */
export function ensureDefaultWorkspace(store: Store, fixed: { secretKey?: string; publicKey?: string }): Steps<{ workspace: Workspace; created: boolean }> {
  const { workspaces } = store.tables;
  return transaction(function* () {
    const existing = yield* one(store.db.select().from(workspaces).where(eq(workspaces.isDefault, true)));
    if (existing) {
      const changes: Partial<Workspace> = {};
      if (fixed.secretKey && fixed.secretKey !== existing.secretKey) changes.secretKey = fixed.secretKey;
      if (fixed.publicKey && fixed.publicKey !== existing.key) changes.key = fixed.publicKey;
      if (!Object.keys(changes).length) return { workspace: existing, created: false };
      forgetAuthenticated(store);
      return { workspace: yield* one(store.db.update(workspaces).set(changes).where(eq(workspaces.id, existing.id)).returning()), created: false };
    }
    const workspace = yield* one(
      store.db
        .insert(workspaces)
        .values({
          key: fixed.publicKey ?? newPublicKey(),
          secretKey: fixed.secretKey ?? newSecretKey(),
          orderAccessKey: newSecretKey(),
          name: 'Default workspace',
          isDefault: true,
        })
        .returning(),
    );
    return { workspace, created: true };
  });
}

export function createWorkspace(store: Store, name: string, isTest = false): Steps<Workspace> {
  const { workspaces } = store.tables;
  return one(store.db.insert(workspaces).values({ key: newPublicKey(), secretKey: newSecretKey(), orderAccessKey: newSecretKey(), name, isTest }).returning());
}

/** Every workspace, newest first, paged; only active or only inactive ones when asked. */
export function listWorkspaces(store: Store, page: PageRequest, active?: boolean): Steps<Page<Workspace>> {
  const { workspaces } = store.tables;
  return pageById(page, workspaces.id, (bound, order, limit) =>
    many(
      store.db
        .select()
        .from(workspaces)
        .where(and(active === undefined ? undefined : eq(workspaces.isActive, active), bound))
        .orderBy(...order)
        .limit(limit),
    ),
  );
}

export type WorkspaceChange = { name: string } | { isActive: boolean };

/**
 * Renames, activates or deactivates a workspace (its keys are refused while it is inactive). The default
 * workspace, which the box office and the buyer pages serve, stays active.
 */
export function changeWorkspace(store: Store, key: string, change: WorkspaceChange): Steps<Workspace | 'not_found' | 'default_stays_active'> {
  const { workspaces } = store.tables;
  return transaction(function* () {
    const current = yield* workspaceByKey(store, key);
    if (!current) return 'not_found';
    if ('isActive' in change && !change.isActive && current.isDefault) return 'default_stays_active';
    forgetAuthenticated(store);
    return yield* one(store.db.update(workspaces).set(change).where(eq(workspaces.id, current.id)).returning());
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * The company admin key: TESSERA_ADMIN_KEY when set, else one generated on first start (returned once, to be
 * shown once). Only its hash is stored.
 */
export function* ensureAdminKey(store: Store, fromEnvironment: string | undefined): Steps<{ generated?: string }> {
  const { companyAdminKey } = store.tables;
  const stored = yield* adminKeyRow(store);
  const wanted = fromEnvironment ? sha256(fromEnvironment).toString('hex') : undefined;
  if (stored && (!wanted || wanted === stored.keyHash)) return {};
  const key = fromEnvironment ?? `admin_${randomBytes(24).toString('base64url')}`;
  const keyHash = sha256(key).toString('hex');
  yield* exec(
    store.db
      .insert(companyAdminKey)
      .values({ id: 1, keyHash, updatedAt: store.now() })
      .onConflictDoUpdate({ target: companyAdminKey.id, set: { keyHash, updatedAt: store.now() } }),
  );
  return fromEnvironment ? {} : { generated: key };
}

/** Whether `key` is the company admin key (compared in constant time). */
export function* isAdminKey(store: Store, key: string): Steps<boolean> {
  const stored = yield* adminKeyRow(store);
  return stored !== undefined && timingSafeEqual(sha256(key), Buffer.from(stored.keyHash, 'hex'));
}

const adminKeyRow = ({ db, tables: { companyAdminKey } }: Store) => one(db.select().from(companyAdminKey).where(eq(companyAdminKey.id, 1)));

export function* defaultWorkspace(store: Store): Steps<Workspace> {
  const { workspaces } = store.tables;
  return (yield* one(store.db.select().from(workspaces).where(eq(workspaces.isDefault, true))))!;
}

/** A new secret key for the workspace: the old one stops working at once. Returns the new key. */
export function* rotateSecretKey(store: Store, workspaceId: number): Steps<string> {
  const { workspaces } = store.tables;
  const secretKey = newSecretKey();
  yield* exec(store.db.update(workspaces).set({ secretKey }).where(eq(workspaces.id, workspaceId)));
  forgetAuthenticated(store);
  return secretKey;
}

export function workspaceById(store: Store, id: number): Steps<Workspace | undefined> {
  return one(store.statements.workspaceById, { id });
}

export function workspaceByKey(store: Store, key: string): Steps<Workspace | undefined> {
  const { workspaces } = store.tables;
  return one(store.db.select().from(workspaces).where(eq(workspaces.key, key)));
}

/**
 * How long a secret key's workspace is kept in memory. Every API request authenticates, and the lookup was 7 % of a
 * hold's time; a change of a workspace on this server clears what is kept at once (another instance's, within this).
 */
const AUTHENTICATED_MS = 2_000;

/** The workspace of a secret key (any, active or not: the caller decides), from memory when it was asked just now. */
export function* workspaceBySecretKey(store: Store, secretKey: string): Steps<Workspace | undefined> {
  const now = Date.now();
  const kept = store.authenticated.get(secretKey);
  if (kept && kept.until > now) return kept.workspace;
  // Unknown keys are not kept: guessing could otherwise crowd out the venues'.
  const workspace = yield* one(store.statements.workspaceBySecretKey, { secretKey });
  if (workspace) store.authenticated.set(secretKey, { workspace, until: now + AUTHENTICATED_MS });
  return workspace;
}

/** A workspace changed (its keys, its state): what authentication kept is forgotten. */
function forgetAuthenticated(store: Store): void {
  store.authenticated.clear();
}
