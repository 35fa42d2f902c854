import type { ObjectState, ObjectsChanged } from '../../contracts/realtime';
import { BOOKED, HELD } from '../../contracts/statuses';

/** What the browser knows of an event's statuses, and up to which seq. Framework-free. */
export type LiveState = { seq: number; objects: ReadonlyMap<string, ObjectState> };

export function fromSnapshot(seq: number, objects: ObjectState[]): LiveState {
  return { seq, objects: new Map(objects.map((o) => [o.label, o])) };
}

export type ApplyResult = { kind: 'applied'; state: LiveState } | { kind: 'stale' } | { kind: 'gap' };

/**
 * Applies one `objects:changed` message. Already-seen messages are ignored; a message that starts beyond the
 * next expected seq means something was missed, and the caller must re-read a snapshot. A message that overlaps
 * what we have is applied whole: each label ends on its latest change either way.
 */
export function applyChanges(state: LiveState, message: ObjectsChanged): ApplyResult {
  if (message.toSeq <= state.seq) return { kind: 'stale' };
  if (message.fromSeq > state.seq + 1) return { kind: 'gap' };
  const objects = new Map(state.objects);
  for (const change of message.changes) {
    if (change.status === 'free' && change.numFree === undefined) objects.delete(change.label);
    else objects.set(change.label, change);
  }
  return { kind: 'applied', state: { seq: message.toSeq, objects } };
}

export function statusOf(state: LiveState, label: string): string {
  return state.objects.get(label)?.status ?? 'free';
}

/** Whether some places are off sale or in a status of the venue's own: buyers see them as unavailable. */
export function someUnavailable(state: LiveState | null): boolean {
  if (!state) return false;
  for (const { status } of state.objects.values()) if (status !== 'free' && status !== HELD && status !== BOOKED) return true;
  return false;
}
