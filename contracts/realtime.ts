/**
 * The socket contract, shared by the server and the browser. Client → server events are commands
 * (`chart:subscribe`); server → client events are in the past tense (`objects:changed`).
 */

/**
 * One object's state as everybody may see it; never a hold token (whoever has it can book the place).
 * General-admission areas carry `numFree`, and their `status` is `free` while places are left, else `booked`.
 */
export type ObjectState = { label: string; status: string; numFree?: number };

/**
 * Changes committed to one event, numbered `fromSeq..toSeq` without gaps: what the booking layer hands over after
 * a commit, and what `objects:changed` carries (the commits of one short tick merged into one message).
 */
export type ObjectsChanged = { eventKey: string; fromSeq: number; toSeq: number; changes: ObjectState[] };

/** Everything not plainly free, as of `seq`: what a chart draws before it applies changes. */
export type Snapshot = { seq: number; objects: ObjectState[] };

export type SubscribeAck = ({ ok: true } & Snapshot) | { ok: false; error: string };

export interface ServerToClientEvents {
  'objects:changed': (message: ObjectsChanged) => void;
}

export interface ClientToServerEvents {
  'chart:subscribe': (payload: { eventKey: string }, ack: (reply: SubscribeAck) => void) => void;
}
