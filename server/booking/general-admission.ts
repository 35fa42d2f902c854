import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import type { ObjectState } from '../../contracts/realtime';

/*
 * General-admission arithmetic: an area has a capacity and counts of places per (status, hold token). Stored as
 * one row per pair (hold token '' for none), kept in memory as a map keyed by both.
 */

export type GaState = { capacity: number; allocations: Map<string, number> };

export type AllocationRow = { status: string; holdToken: string; quantity: number };

const SEPARATOR = '\u0000';

export function allocationKey(status: string, token: string | null): string {
  return `${status}${SEPARATOR}${token ?? ''}`;
}

/** The stored row of an allocation key (hold token '' for none). */
export function allocationRow(key: string, quantity: number): AllocationRow {
  const at = key.indexOf(SEPARATOR);
  return { status: key.slice(0, at), holdToken: key.slice(at + 1), quantity };
}

export function gaState(capacity: number, rows: readonly AllocationRow[]): GaState {
  return { capacity, allocations: new Map(rows.map((r) => [allocationKey(r.status, r.holdToken || null), r.quantity])) };
}

/** Places in any status but free. */
export function placesTaken(state: GaState): number {
  let taken = 0;
  for (const q of state.allocations.values()) taken += q;
  return taken;
}

/** The area as every chart sees it: free while places are left, booked when full. */
export function gaPublicState(label: string, capacity: number, taken: number): ObjectState {
  const numFree = capacity - taken;
  return { label, status: numFree > 0 ? FREE : BOOKED, numFree };
}

export type GaCounts = { numBooked: number; numHeld: number; numFree: number; byStatus: Map<string, number>; heldByToken: Map<string, number> };

export function gaCounts(state: GaState): GaCounts {
  const byStatus = new Map<string, number>();
  const heldByToken = new Map<string, number>();
  for (const [key, quantity] of state.allocations) {
    const { status, holdToken } = allocationRow(key, quantity);
    byStatus.set(status, (byStatus.get(status) ?? 0) + quantity);
    if (status === HELD && holdToken) heldByToken.set(holdToken, quantity);
  }
  const taken = placesTaken(state);
  const numHeld = byStatus.get(HELD) ?? 0;
  // A place in a custom status (blocked, say) is as taken as a booked one: it counts as booked.
  return { numBooked: taken - numHeld, numHeld, numFree: state.capacity - taken, byStatus, heldByToken };
}

/** Moves `quantity` places from one allocation to another (null: from or to free). Pure. */
export function moveQuantity(state: GaState, from: string | null, to: string | null, quantity: number): GaState {
  const allocations = new Map(state.allocations);
  if (from) {
    const left = (allocations.get(from) ?? 0) - quantity;
    if (left > 0) allocations.set(from, left);
    else allocations.delete(from);
  }
  if (to) allocations.set(to, (allocations.get(to) ?? 0) + quantity);
  return { capacity: state.capacity, allocations };
}
