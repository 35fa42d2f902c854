import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { workspaces, type Workspace } from '../../db/schema';
import type { Store } from './store';

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
export function ensureDefaultWorkspace(store: Store, fixed: { secretKey?: string; publicKey?: string }): { workspace: Workspace; created: boolean } {
  return store.transact(() => {
    const existing = store.db.select().from(workspaces).where(eq(workspaces.isDefault, true)).get();
    if (existing) {
      const changes: Partial<Workspace> = {};
      if (fixed.secretKey && fixed.secretKey !== existing.secretKey) changes.secretKey = fixed.secretKey;
      if (fixed.publicKey && fixed.publicKey !== existing.key) changes.key = fixed.publicKey;
      if (!Object.keys(changes).length) return { workspace: existing, created: false };
      return { workspace: store.db.update(workspaces).set(changes).where(eq(workspaces.id, existing.id)).returning().get(), created: false };
    }
    const workspace = store.db
      .insert(workspaces)
      .values({
        key: fixed.publicKey ?? newPublicKey(),
        secretKey: fixed.secretKey ?? newSecretKey(),
        orderAccessKey: newSecretKey(),
        name: 'Default workspace',
        isDefault: true,
      })
      .returning()
      .get();
    return { workspace, created: true };
  });
}

export function createWorkspace(store: Store, name: string): Workspace {
  return store.transact(() =>
    store.db.insert(workspaces).values({ key: newPublicKey(), secretKey: newSecretKey(), orderAccessKey: newSecretKey(), name }).returning().get(),
  );
}

/** A new secret key for the workspace: the old one stops working at once. Returns the new key. */
export function rotateSecretKey(store: Store, workspaceId: number): string {
  const secretKey = newSecretKey();
  store.transact(() => store.db.update(workspaces).set({ secretKey }).where(eq(workspaces.id, workspaceId)).run());
  return secretKey;
}

export function workspaceById(store: Store, id: number): Workspace | undefined {
  return store.db.select().from(workspaces).where(eq(workspaces.id, id)).get();
}

export function workspaceByKey(store: Store, key: string): Workspace | undefined {
  return store.db.select().from(workspaces).where(eq(workspaces.key, key)).get();
}

/** Every API request authenticates: a prepared statement, on the hot path. */
export function workspaceBySecretKey(store: Store, secretKey: string): Workspace | undefined {
  return store.statements.workspaceBySecretKey.get({ secretKey });
}
