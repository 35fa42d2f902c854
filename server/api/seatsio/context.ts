import type { Booking, Workspace } from '../../booking/booking';
import type { EventHandle } from '../../booking/event-state';
import { eventNotFound } from './responses';
import type { ApiResponse } from '../router';

/**
 * What every seats.io handler works with: the booking layer, the workspace the request acts on, and whether it
 * came with the company admin key (which alone manages workspaces).
 */
export type SeatsioContext = { booking: Booking; workspace: Workspace; admin: boolean };

/** Runs `then` with the event of this workspace, or answers EVENT_NOT_FOUND. */
export async function withEvent(c: SeatsioContext, key: string, then: (event: EventHandle) => ApiResponse | Promise<ApiResponse>): Promise<ApiResponse> {
  const event = await c.booking.findEvent(key, c.workspace.id);
  return event ? then(event) : eventNotFound(key);
}
