import type { PublicChange } from '../booking/context';

/** The socket contract, shared by the server and the browser. Fixed by DESIGN.md. */

export type ObjectsChanged = { eventKey: string; fromSeq: number; toSeq: number; changes: PublicChange[] };

export type SubscribeAck = { ok: true; seq: number; objects: PublicChange[] } | { ok: false; error: string };

export interface ServerToClientEvents {
  'objects:changed': (message: ObjectsChanged) => void;
}

export interface ClientToServerEvents {
  'chart:subscribe': (payload: { eventKey: string }, ack: (reply: SubscribeAck) => void) => void;
}

export const roomOf = (eventKey: string) => `event:${eventKey}`;
