import { and, asc, eq } from 'drizzle-orm';
import { findEvent, findPublicEvent, type EventHandle, type PublicAddress } from './event-state';
import type { Store } from './store';
import { exec, many, one, transaction, type Steps } from '../../db/steps';

/*
 * Channels, as seats.io has them: an event's places set aside for some sellers (sponsors, a fan club, the box
 * office). A place in a channel can be taken only by a caller who names the channel's key, or by the venue
 * ignoring channels; a place in no channel by anyone. The key is what unlocks a channel, so it is never shown to
 * buyers who do not already have it; names and colours are for the venue's eyes.
 */

export type Channel = { key: string; name: string; color: string | null; index?: number; objects: string[] };
export type ChannelInput = { key: string; name: string; color?: string | null; index?: number | null; objects?: string[] };
export type ChannelPatch = { name?: string; color?: string | null; objects?: string[] };

/** What a change may take of channelled places: those of the channels it names, or all when it ignores them. */
export type ChannelAccess = { channelKeys?: string[] | null; ignoreChannels?: boolean };

export type ChannelsResult =
  | { ok: true }
  | { ok: false; reason: 'event_not_found' }
  | { ok: false; reason: 'channel_not_found' | 'channel_exists'; channelKey: string }
  | { ok: false; reason: 'invalid_objects'; message: string };

/** The event's channels, by the venue's index, then in the order they were added; each with its places. */
export function* eventChannelList(store: Store, eventId: number): Steps<Channel[]> {
  const { channelObjects, eventChannels } = store.tables;
  const objects = new Map<string, string[]>();
  for (const row of yield* many(store.db.select().from(channelObjects).where(eq(channelObjects.eventId, eventId)).orderBy(asc(channelObjects.label)))) {
    let labels = objects.get(row.channelKey);
    if (!labels) objects.set(row.channelKey, (labels = []));
    labels.push(row.label);
  }
  const channels = yield* many(store.db.select().from(eventChannels).where(eq(eventChannels.eventId, eventId)).orderBy(asc(eventChannels.position)));
  return channels
    .sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity) || a.position - b.position)
    .map((c) => ({ key: c.key, name: c.name, color: c.color, ...(c.index !== null ? { index: c.index } : {}), objects: objects.get(c.key) ?? [] }));
}

/** The places in one channel, if the event has it: what a buyer who has the key may take. */
export function* channelPlaces(store: Store, address: PublicAddress, channelKey: string): Steps<string[] | undefined> {
  const { channelObjects } = store.tables;
  const event = yield* findPublicEvent(store, address);
  if (!event?.hasChannels || !(yield* channelExists(store, event.id, channelKey))) return undefined;
  const rows = yield* many(
    store.db
      .select({ label: channelObjects.label })
      .from(channelObjects)
      .where(and(eq(channelObjects.eventId, event.id), eq(channelObjects.channelKey, channelKey)))
      .orderBy(asc(channelObjects.label)),
  );
  return rows.map((r) => r.label);
}

/** Every place that is in some channel, without saying which: what every chart must show as not for everyone. */
export function* channelledPlaces(store: Store, event: EventHandle): Steps<string[]> {
  if (!event.hasChannels) return [];
  return (yield* many(store.statements.channelledLabels, { eventId: event.id })).map((r) => r.label);
}

/** True when `access` may not take a place in `channel` (null: in none). */
export function outsideChannel(channel: string | null, access: ChannelAccess): boolean {
  return channel !== null && !access.ignoreChannels && !(access.channelKeys ?? []).includes(channel);
}

/** The places of the event that `access` may not take because of their channel. */
export function* lockedByChannel(store: Store, event: EventHandle, access: ChannelAccess): Steps<Set<string>> {
  if (!event.hasChannels || access.ignoreChannels) return new Set();
  const rows = yield* many(store.statements.channelledLabels, { eventId: event.id });
  return new Set(rows.filter((r) => outsideChannel(r.channelKey, access)).map((r) => r.label));
}

/**
 * Labels that are not places of the event's chart, or that another channel already has (as stored so far in this
 * transaction: channels added together see each other's places), as one message.
 */
function* objectsProblem(store: Store, event: EventHandle, channelKey: string, labels: string[]): Steps<string | null> {
  const unknown = labels.filter((l) => !event.chart.byLabel.get(l)?.bookable);
  if (unknown.length) return `Not places of this event's chart: ${unknown.join(', ')}`;
  const channelOf = new Map((yield* many(store.statements.channelledLabels, { eventId: event.id })).map((r) => [r.label, r.channelKey]));
  const taken = labels.filter((l) => channelOf.has(l) && channelOf.get(l) !== channelKey).map((l) => `${l} (channel ${channelOf.get(l)})`);
  return taken.length ? `A place is in one channel at most; already in another: ${taken.join(', ')}` : null;
}

function* assign(store: Store, eventId: number, channelKey: string, labels: string[]): Steps<void> {
  const { channelObjects } = store.tables;
  for (let start = 0; start < labels.length; start += 500) {
    yield* exec(
      store.db
        .insert(channelObjects)
        .values(labels.slice(start, start + 500).map((label) => ({ eventId, label, channelKey })))
        .onConflictDoNothing(),
    );
  }
}

function* channelExists(store: Store, eventId: number, key: string): Steps<boolean> {
  const { eventChannels } = store.tables;
  const found = yield* one(
    store.db
      .select({ key: eventChannels.key })
      .from(eventChannels)
      .where(and(eq(eventChannels.eventId, eventId), eq(eventChannels.key, key))),
  );
  return !!found;
}

/** Runs a change of one event's channels in one transaction; anything refused writes nothing. */
function changeChannels(store: Store, workspaceId: number, eventKey: string, change: (event: EventHandle) => Steps<ChannelsResult>): Steps<ChannelsResult> {
  return transaction(function* (): Steps<ChannelsResult> {
    const event = yield* findEvent(store, eventKey, workspaceId);
    return event ? yield* change(event) : { ok: false, reason: 'event_not_found' };
  });
}

/** Adds channels to an event inside the caller's transaction (a new event's, or a channel call's). */
export function* insertChannels(store: Store, event: EventHandle, inputs: ChannelInput[]): Steps<ChannelsResult> {
  const { eventChannels } = store.tables;
  const keys = inputs.map((c) => c.key);
  for (const [i, key] of keys.entries()) {
    if (keys.indexOf(key) !== i || (yield* channelExists(store, event.id, key))) return { ok: false, reason: 'channel_exists', channelKey: key };
  }
  let position = (yield* many(store.db.select({ position: eventChannels.position }).from(eventChannels).where(eq(eventChannels.eventId, event.id)))).length;
  for (const input of inputs) {
    const labels = [...new Set(input.objects ?? [])];
    const problem = yield* objectsProblem(store, event, input.key, labels);
    if (problem) return { ok: false, reason: 'invalid_objects', message: problem };
    yield* exec(
      store.db
        .insert(eventChannels)
        .values({ eventId: event.id, key: input.key, name: input.name, color: input.color ?? null, index: input.index ?? null, position: position++ }),
    );
    yield* assign(store, event.id, input.key, labels);
  }
  return { ok: true };
}

/** Adds channels (with their places) to an event. */
export function addChannels(store: Store, workspaceId: number, eventKey: string, inputs: ChannelInput[]): Steps<ChannelsResult> {
  return changeChannels(store, workspaceId, eventKey, (event) => insertChannels(store, event, inputs));
}

/** Replaces every channel of the event with these. */
export function replaceChannels(store: Store, workspaceId: number, eventKey: string, inputs: ChannelInput[]): Steps<ChannelsResult> {
  const { channelObjects, eventChannels } = store.tables;
  return changeChannels(store, workspaceId, eventKey, function* (event) {
    yield* exec(store.db.delete(channelObjects).where(eq(channelObjects.eventId, event.id)));
    yield* exec(store.db.delete(eventChannels).where(eq(eventChannels.eventId, event.id)));
    return yield* insertChannels(store, event, inputs);
  });
}

/** The delete of a channel's places: all of them, or some. */
function deletePlaces(store: Store, eventId: number, channelKey: string, label?: string) {
  const { channelObjects } = store.tables;
  return exec(
    store.db
      .delete(channelObjects)
      .where(
        and(eq(channelObjects.eventId, eventId), eq(channelObjects.channelKey, channelKey), label === undefined ? undefined : eq(channelObjects.label, label)),
      ),
  );
}

/** Renames or recolours a channel; `objects`, when given, become its places instead of the ones it had. */
export function updateChannel(store: Store, workspaceId: number, eventKey: string, channelKey: string, patch: ChannelPatch): Steps<ChannelsResult> {
  const { eventChannels } = store.tables;
  return changeChannels(store, workspaceId, eventKey, function* (event): Steps<ChannelsResult> {
    if (!(yield* channelExists(store, event.id, channelKey))) return { ok: false, reason: 'channel_not_found', channelKey };
    if (patch.name !== undefined || patch.color !== undefined) {
      yield* exec(
        store.db
          .update(eventChannels)
          .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.color !== undefined ? { color: patch.color } : {}) })
          .where(and(eq(eventChannels.eventId, event.id), eq(eventChannels.key, channelKey))),
      );
    }
    if (!patch.objects) return { ok: true };
    const labels = [...new Set(patch.objects)];
    const problem = yield* objectsProblem(store, event, channelKey, labels);
    if (problem) return { ok: false, reason: 'invalid_objects', message: problem };
    yield* deletePlaces(store, event.id, channelKey);
    yield* assign(store, event.id, channelKey, labels);
    return { ok: true };
  });
}

/** Removes a channel: its places are in no channel any more. */
export function removeChannel(store: Store, workspaceId: number, eventKey: string, channelKey: string): Steps<ChannelsResult> {
  const { eventChannels } = store.tables;
  return changeChannels(store, workspaceId, eventKey, function* (event): Steps<ChannelsResult> {
    if (!(yield* channelExists(store, event.id, channelKey))) return { ok: false, reason: 'channel_not_found', channelKey };
    yield* deletePlaces(store, event.id, channelKey);
    yield* exec(store.db.delete(eventChannels).where(and(eq(eventChannels.eventId, event.id), eq(eventChannels.key, channelKey))));
    return { ok: true };
  });
}

/** Adds places to a channel, or takes them out of it. */
export function changeChannelObjects(
  store: Store,
  workspaceId: number,
  eventKey: string,
  channelKey: string,
  change: { add: string[] } | { remove: string[] },
): Steps<ChannelsResult> {
  return changeChannels(store, workspaceId, eventKey, function* (event): Steps<ChannelsResult> {
    if (!(yield* channelExists(store, event.id, channelKey))) return { ok: false, reason: 'channel_not_found', channelKey };
    if ('remove' in change) {
      for (const label of change.remove) yield* deletePlaces(store, event.id, channelKey, label);
      return { ok: true };
    }
    const labels = [...new Set(change.add)];
    const problem = yield* objectsProblem(store, event, channelKey, labels);
    if (problem) return { ok: false, reason: 'invalid_objects', message: problem };
    yield* assign(store, event.id, channelKey, labels);
    return { ok: true };
  });
}

/** What was wrong with channels asked for, in words. */
export function channelsProblem(result: Exclude<ChannelsResult, { ok: true }>): string {
  switch (result.reason) {
    case 'event_not_found':
      return 'Event not found';
    case 'channel_not_found':
      return `Channel not found: ${result.channelKey}`;
    case 'channel_exists':
      return `Channel key already in use: ${result.channelKey}`;
    case 'invalid_objects':
      return result.message;
  }
}
