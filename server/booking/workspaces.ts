import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { workspaces, type Workspace } from '../../db/schema';

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
export function ensureDefaultWorkspace(db: Db, fixed: { secretKey?: string; publicKey?: string }): { workspace: Workspace; created: boolean } {
  const existing = db.select().from(workspaces).where(eq(workspaces.isDefault, true)).get();
  if (existing) {
    const changes: Partial<Workspace> = {};
    if (fixed.secretKey && fixed.secretKey !== existing.secretKey) changes.secretKey = fixed.secretKey;
    if (fixed.publicKey && fixed.publicKey !== existing.key) changes.key = fixed.publicKey;
    if (!Object.keys(changes).length) return { workspace: existing, created: false };
    return { workspace: db.update(workspaces).set(changes).where(eq(workspaces.id, existing.id)).returning().get(), created: false };
  }
  const workspace = db
    .insert(workspaces)
    .values({ key: fixed.publicKey ?? newPublicKey(), secretKey: fixed.secretKey ?? newSecretKey(), name: 'Default workspace', isDefault: true })
    .returning()
    .get();
  return { workspace, created: true };
}

export function createWorkspace(db: Db, name: string): Workspace {
  return db.insert(workspaces).values({ key: newPublicKey(), secretKey: newSecretKey(), name }).returning().get();
}

export function workspaceByKey(db: Db, key: string): Workspace | undefined {
  return db.select().from(workspaces).where(eq(workspaces.key, key)).get();
}
