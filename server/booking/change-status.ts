import type { ChartObject } from '../../contracts/chart';
import type { ActivityEntry, ChangeOrigin, ObjectsChanged, ObjectState, OrganiserObject } from '../../contracts/realtime';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import { findEvent, organiserObject, publicState, type EventHandle } from './event-state';
import type { FailureReason, ObjectFailure } from './failures';
import { allocationRow, gaCounts, gaState, type GaState } from './general-admission';
import { checkHoldToken, objectsHeldBy, type NewHoldToken, type TokenScope } from './hold-tokens';
import { changeGeneralAdmission, changeSeat, type ChangeIntent, type SeatState } from './status-rules';
import { outsideChannel, type ChannelAccess } from './channels';
import type { LoadedChart, Store } from './store';
import { enqueueMessages, type Message } from './webhooks';
import { exec, just, many, one, transaction, type Steps } from '../../db/steps';

export type ObjectRef = { label: string; quantity?: number; ticketType?: string; extraData?: Record<string, unknown> };

export type StatusChangeRequest = {
  eventKeys: string[];
  objects: ObjectRef[];
  kind: 'status' | 'release';
  /** Target status when kind is 'status'. */
  status: string;
  holdToken?: string | null;
  orderId?: string | null;
  keepExtraData?: boolean;
  allowedPreviousStatuses?: string[] | null;
  rejectedPreviousStatuses?: string[] | null;
  /** See ChangeIntent: the venue releasing with a token frees booked seats too. */
  releasesBooked?: boolean;
} & ChannelAccess;

/** An object's state after a change, with its chart data, for building responses. */
export type ObjectView = { eventKey: string; chart: LoadedChart; object: ChartObject; seat?: SeatState; ga?: GaState; channel?: string };

export type ChangeFailure = { kind: 'event_not_found'; eventKey: string } | { kind: 'objects'; failures: ObjectFailure[] };

export type ChangeResult = { ok: true; results: ObjectView[][] } | { ok: false; failure: ChangeFailure };

/** What a commit hands over for one event: the public changes, and the same changes as organisers see them. */
export type CommittedChanges = ObjectsChanged & { eventId: number; entries: ActivityEntry[] };

type LogEntry = {
  label: string;
  objectType: string;
  status: string;
  /** The status the change took the object (or the standing places) from, for webhooks. */
  previousStatus: string;
  quantity: number;
  holdToken: string | null;
  orderId: string | null;
  /** The extra data the change leaves on the object: a stored row's id, or a new value (JSON) to store. */
  extraDataId: number | null;
  extraData: string | null;
};

/**
 * Applies an ordered list of status change requests in one transaction: all of them, or none.
 * Later requests see the effect of earlier ones. The failure names every refused object and why.
 * `newHoldToken` is stored with the change when it commits: a buyer's first hold creates its token.
 */
export function changeObjectStatus(store: Store, workspaceId: number, requests: StatusChangeRequest[], options: RunOptions = API_CALL): Steps<ChangeResult> {
  return runChange(store, workspaceId, requests, options);
}

export type RunOptions = {
  origin: ChangeOrigin;
  /** The keys of the events a change whose requests are built inside it is about (see runChange). */
  events?: string[];
  /** Whose hold tokens the change accepts: the workspace's (the default), or an anonymous buyer's. */
  tokenScope?: TokenScope;
  /** Expiry releases with a token that is no longer live (expire-holds.ts marks it expired in the same transaction). */
  expiringToken?: string;
  /** A token created by this change (a first hold): stored only if the change commits. */
  newHoldToken?: NewHoldToken;
  /** Once the change is made, at most this many places may be held on the event by the token, and by the client. */
  placeLimit?: PlaceLimit;
};

export type PlaceLimit = { event: EventHandle; token: string; maxPlaces: number; client?: { key: string; maxPlaces: number } };

export const API_CALL: RunOptions = { origin: 'API_CALL' };

/** The requests of a change, or how to build them inside its transaction from what it reads. */
type Requests = StatusChangeRequest[] | (() => Steps<StatusChangeRequest[]>);

/**
 * The one transaction shell: requests may be built inside it, so they can depend on what it reads. Changes of one
 * event run one after the other (the transaction's locks; on SQLite every transaction does): each bumps the event's
 * seq, so at the same time they could only fail.
 */
export function* runChange(store: Store, workspaceId: number, requests: Requests, options: RunOptions): Steps<ChangeResult> {
  const locks = store.alone ? undefined : eventLocks(workspaceId, Array.isArray(requests) ? requests.flatMap((r) => r.eventKeys) : (options.events ?? []));
  const outcome = yield* transaction(() => planAndWrite(store, workspaceId, requests, options, store.now()), locks);
  if (outcome.ok && outcome.batches?.length) store.onCommit(outcome.batches);
  if (outcome.ok) return { ok: true, results: outcome.results };
  return outcome;
}

/** What a change of these events locks: the events, by workspace and key (keys are unique per workspace). */
const eventLocks = (workspaceId: number, eventKeys: string[]) => eventKeys.map((key) => `event ${workspaceId}/${key}`);

/** Inside the transaction: builds the requests, plans every change through the rules, writes only if all pass. */
function* planAndWrite(
  store: Store,
  workspaceId: number,
  requests: Requests,
  options: RunOptions,
  now: number,
): Steps<ChangeResult & { batches?: CommittedChanges[] }> {
  const plan = new ChangePlan(store, workspaceId, options.tokenScope ?? { workspaceId }, now, options.expiringToken ?? options.newHoldToken?.token);
  const results: ObjectView[][] = [];
  for (const request of Array.isArray(requests) ? requests : yield* requests()) {
    yield* plan.read(request);
    const views = plan.apply(request);
    if ('kind' in views) return { ok: false, failure: views };
    results.push(views);
  }
  if (plan.failures.length) return { ok: false, failure: { kind: 'objects', failures: plan.failures } };
  if (options.newHoldToken) yield* exec(store.statements.insertHoldToken, { ...options.newHoldToken, workspaceId, createdAt: now });
  const batches = yield* plan.write(options.origin);
  // Counted after the writes, which the transaction rolls back when a failure is returned.
  const over = options.placeLimit && (yield* limitExceeded(store, options.placeLimit));
  if (over) {
    const failures = results.flat().map((v): ObjectFailure => ({ eventKey: v.eventKey, label: v.object.label, reason: over }));
    return { ok: false, failure: { kind: 'objects', failures } };
  }
  return { ok: true, results, batches };
}

/** A seat's row as the plan first reads it. */
function* seatRow(store: Store, event: EventHandle, object: ChartObject): Steps<SeatState> {
  const row = yield* one(store.statements.seat, { eventId: event.id, label: object.label });
  if (!row) throw new Error(`event ${event.key} has no row for bookable object ${object.label}`);
  return row;
}

/** A standing area's counts as the plan first reads them. */
function* gaRow(store: Store, event: EventHandle, object: ChartObject): Steps<GaState> {
  return gaState(object.capacity ?? 0, yield* many(store.statements.gaAllocations, { eventId: event.id, label: object.label }));
}

/** Places tokens hold on an event: a general-admission place and each seat of a table held whole count as one. */
function* placesHeld(store: Store, tokens: string[], event: EventHandle): Steps<number> {
  let places = 0;
  for (const token of tokens) {
    for (const held of yield* objectsHeldBy(store, token)) {
      if (held.eventId !== event.id) continue;
      const object = event.chart.byLabel.get(held.label);
      places += object?.type === 'generalAdmission' ? held.quantity : object?.bookAsAWhole ? (object.seats?.length ?? 1) : 1;
    }
  }
  return places;
}

function* limitExceeded(store: Store, limit: PlaceLimit): Steps<'too_many_places' | 'too_many_places_for_client' | null> {
  if ((yield* placesHeld(store, [limit.token], limit.event)) > limit.maxPlaces) return 'too_many_places';
  if (!limit.client) return null;
  const live = yield* many(store.statements.liveTokensOfClient, { eventId: limit.event.id, client: limit.client.key, now: store.now() });
  const held = yield* placesHeld(
    store,
    live.map((t) => t.token),
    limit.event,
  );
  return held > limit.client.maxPlaces ? 'too_many_places_for_client' : null;
}

/** The status a standing area's places came from: the one that now has fewer of them (free when none has). */
function gaPreviousStatus(before: GaState, after: GaState): string {
  const [was, now] = [gaCounts(before).byStatus, gaCounts(after).byStatus];
  for (const [status, places] of was) if ((now.get(status) ?? 0) < places) return status;
  return FREE;
}

/** What subscribers hear of a logged change: released places that a hold's expiry freed are `seat.hold_expired`. */
function seatMessage(event: EventHandle, e: LogEntry, seq: number, origin: ChangeOrigin): Message {
  const type =
    e.status === HELD
      ? 'seat.held'
      : e.status === BOOKED
        ? 'seat.booked'
        : e.status !== FREE
          ? 'seat.status_changed'
          : origin === 'HOLD_EXPIRED'
            ? 'seat.hold_expired'
            : 'seat.released';
  return {
    type,
    data: {
      eventKey: event.key,
      chartKey: event.chart.key,
      objectLabel: e.label,
      objectType: e.objectType,
      status: e.status,
      previousStatus: e.previousStatus,
      ...(e.objectType === 'generalAdmission' ? { quantity: e.quantity } : {}),
      ...(e.holdToken ? { holdToken: e.holdToken } : {}),
      ...(e.orderId ? { orderId: e.orderId } : {}),
      ...(e.extraData !== null ? { extraData: JSON.parse(e.extraData) as unknown } : {}),
      seq,
    },
  };
}

type PlanEntry<S> = { event: EventHandle; label: string; state: S; dirty: boolean };

/** An object's key in the plan: objects of several events can be in one change. */
const planKey = (event: EventHandle, label: string) => `${event.id}\u0000${label}`;

/** The state of every object touched so far, in memory, so that nothing is written unless everything passes. */
class ChangePlan {
  failures: ObjectFailure[] = [];
  private events = new Map<string, EventHandle>();
  private seats = new Map<string, PlanEntry<SeatState>>();
  private gas = new Map<string, PlanEntry<GaState>>();
  private log = new Map<number, { event: EventHandle; entries: LogEntry[]; changes: ObjectState[]; objects: OrganiserObject[] }>();
  /** Per token: null when it is live and the caller may present it, else why not. */
  private tokens = new Map<string, FailureReason | null>();
  /** Per place (planKey) of events with channels: the channel it is in, if any. */
  private channels = new Map<string, string | null>();
  private extraDataRows = new Map<string, number>();

  constructor(
    private store: Store,
    private workspaceId: number,
    private tokenScope: TokenScope,
    private now: number,
    /** A token the caller vouches for: one being expired, or one being created. */
    private trustedToken?: string,
  ) {}

  /**
   * Reads what `request` needs that the plan does not have yet: its events, its token's verdict, the rows of its
   * places and their channels. Every read of a change happens here; applying it is work in memory.
   */
  *read(request: StatusChangeRequest): Steps<void> {
    const token = request.holdToken;
    if (token && token !== this.trustedToken && !this.tokens.has(token)) {
      const checked = yield* checkHoldToken(this.store, token, this.tokenScope);
      this.tokens.set(token, checked.ok ? null : checked.reason === 'expired' ? 'hold_token_expired' : 'hold_token_invalid');
    }
    for (const eventKey of request.eventKeys) {
      let event = this.events.get(eventKey);
      if (!event) {
        event = yield* findEvent(this.store, eventKey, this.workspaceId);
        // apply() reports it.
        if (!event) return;
        this.events.set(eventKey, event);
      }
      for (const { label } of request.objects) {
        const object = event.chart.byLabel.get(label);
        if (!object?.bookable) continue;
        const key = planKey(event, label);
        if (object.type === 'generalAdmission') {
          if (!this.gas.has(key)) this.remember(this.gas, key, event, object, yield* gaRow(this.store, event, object));
        } else if (!this.seats.has(key)) {
          this.remember(this.seats, key, event, object, yield* seatRow(this.store, event, object));
        }
        if (event.hasChannels && request.kind === 'status' && !this.channels.has(key)) {
          this.channels.set(key, (yield* one(this.store.statements.channelOf, { eventId: event.id, label }))?.channelKey ?? null);
        }
      }
    }
  }

  /** Applies `request` to the plan through the rules; `read(request)` must have run first. */
  apply(request: StatusChangeRequest): ObjectView[] | ChangeFailure {
    const token = request.holdToken ?? null;
    const intent: Omit<ChangeIntent, 'ticketType' | 'extraData'> = {
      kind: request.kind,
      status: request.status,
      token,
      orderId: request.orderId ?? null,
      keepExtraData: request.keepExtraData ?? false,
      allowedPreviousStatuses: request.allowedPreviousStatuses ?? null,
      rejectedPreviousStatuses: request.rejectedPreviousStatuses ?? null,
      releasesBooked: request.releasesBooked ?? false,
    };
    const views: ObjectView[] = [];
    for (const eventKey of request.eventKeys) {
      const event = this.events.get(eventKey);
      if (!event) return { kind: 'event_not_found', eventKey };
      const tokenProblem: FailureReason | null = token
        ? (this.tokens.get(token) ?? null)
        : request.kind === 'status' && request.status === HELD
          ? 'hold_token_required'
          : null;
      const seen = new Set<string>();
      for (const ref of request.objects) {
        const fail = (reason: FailureReason, status?: string) => this.failures.push({ eventKey, label: ref.label, reason, ...(status ? { status } : {}) });
        if (seen.has(ref.label)) {
          fail('duplicate_object');
          continue;
        }
        seen.add(ref.label);
        const object = event.chart.byLabel.get(ref.label);
        if (!object) {
          fail('object_not_found');
          continue;
        }
        if (!object.bookable) {
          fail('not_bookable');
          continue;
        }
        if (tokenProblem) {
          fail(tokenProblem);
          continue;
        }
        const key = planKey(event, object.label);
        const fullIntent: ChangeIntent = {
          ...intent,
          ticketType: ref.ticketType ?? null,
          extraData: ref.extraData !== undefined ? JSON.stringify(ref.extraData) : null,
          outsideChannel: event.hasChannels && request.kind === 'status' && outsideChannel(this.channels.get(key) ?? null, request),
        };
        // The object's state as the plan has it (read from the database the first time the plan touched it).
        const view =
          object.type === 'generalAdmission'
            ? this.applyGa(object, ref, fullIntent, fail, this.gas.get(key)!)
            : this.applySeat(object, ref, fullIntent, fail, this.seats.get(key)!);
        if (view) views.push(view);
      }
    }
    return views;
  }

  private applySeat(
    object: ChartObject,
    ref: ObjectRef,
    intent: ChangeIntent,
    fail: (r: FailureReason, s?: string) => void,
    entry: PlanEntry<SeatState>,
  ): ObjectView | undefined {
    const { event } = entry;
    if (ref.quantity !== undefined && ref.quantity !== 1) {
      fail('quantity_not_allowed');
      return undefined;
    }
    const result = changeSeat(entry.state, intent);
    if (!result.ok) {
      fail(result.reason, entry.state.status);
      return undefined;
    }
    this.accept(
      entry,
      result.next,
      {
        label: object.label,
        objectType: object.type,
        status: result.next.status,
        previousStatus: entry.state.status,
        quantity: 1,
        holdToken: intent.token,
        orderId: result.next.orderId,
        extraDataId: result.next.extraDataId,
        extraData: result.next.extraData,
      },
      { eventKey: event.key, chart: event.chart, object, seat: result.next },
    );
    return { eventKey: event.key, chart: event.chart, object, seat: result.next };
  }

  private applyGa(
    object: ChartObject,
    ref: ObjectRef,
    intent: ChangeIntent,
    fail: (r: FailureReason) => void,
    entry: PlanEntry<GaState>,
  ): ObjectView | undefined {
    const { event } = entry;
    const quantity = ref.quantity ?? 1;
    const result = changeGeneralAdmission(entry.state, intent, quantity);
    if (!result.ok) {
      fail(result.reason);
      return undefined;
    }
    this.accept(
      entry,
      result.next,
      {
        label: object.label,
        objectType: object.type,
        status: intent.kind === 'release' ? FREE : intent.status,
        previousStatus: gaPreviousStatus(entry.state, result.next),
        quantity,
        holdToken: intent.token,
        orderId: intent.orderId,
        extraDataId: null,
        extraData: intent.extraData,
      },
      { eventKey: event.key, chart: event.chart, object, ga: result.next },
    );
    return { eventKey: event.key, chart: event.chart, object, ga: result.next };
  }

  /** An object's state as first read from the database: the plan's later changes of it start from here. */
  private remember<S>(entries: Map<string, PlanEntry<S>>, key: string, event: EventHandle, object: ChartObject, state: S): PlanEntry<S> {
    const entry = { event, label: object.label, state, dirty: false };
    entries.set(key, entry);
    return entry;
  }

  /**
   * The rules allowed the change: the plan takes the new state, the log and the broadcast get the change, and
   * the organisers get it with what only they see of the object.
   */
  private accept<S>(entry: PlanEntry<S>, next: S, logged: LogEntry, view: ObjectView): void {
    entry.state = next;
    entry.dirty = true;
    let log = this.log.get(entry.event.id);
    if (!log) {
      log = { event: entry.event, entries: [], changes: [], objects: [] };
      this.log.set(entry.event.id, log);
    }
    log.entries.push(logged);
    log.changes.push(publicState(view));
    log.objects.push(organiserObject(view));
  }

  /** The row of a new extra data value: each distinct value of the change is stored once per event. */
  private *extraDataId(eventId: number, json: string): Steps<number> {
    const key = `${eventId}\u0000${json}`;
    let id = this.extraDataRows.get(key);
    if (id === undefined) {
      id = (yield* one(this.store.statements.insertExtraData, { eventId, json }))!.id;
      this.extraDataRows.set(key, id);
    }
    return id;
  }

  /** Writes every changed object and the numbered log. Runs inside the transaction. */
  *write(origin: ChangeOrigin): Steps<CommittedChanges[]> {
    const s = this.store.statements;
    for (const { event, label, state, dirty } of this.seats.values()) {
      if (!dirty) continue;
      const extraDataId = state.extraDataId ?? (state.extraData === null ? null : yield* this.extraDataId(event.id, state.extraData));
      yield* exec(s.updateSeat, { eventId: event.id, label, ...state, extraDataId });
    }
    for (const { event, label, state, dirty } of this.gas.values()) {
      if (!dirty) continue;
      yield* exec(s.deleteGaAllocations, { eventId: event.id, label });
      for (const [key, quantity] of state.allocations) yield* exec(s.insertGaAllocation, { eventId: event.id, label, ...allocationRow(key, quantity) });
    }
    const batches: CommittedChanges[] = [];
    for (const { event, entries, changes, objects } of this.log.values()) {
      const toSeq = (yield* one(s.bumpSeq, { count: entries.length, eventId: event.id }))!.seq;
      const fromSeq = toSeq - entries.length + 1;
      for (const [i, e] of entries.entries()) {
        const extraDataId = e.extraDataId ?? (e.extraData === null ? null : yield* this.extraDataId(event.id, e.extraData));
        yield* exec(s.insertStatusChange, { eventId: event.id, seq: fromSeq + i, ...e, extraDataId, origin, createdAt: this.now });
      }
      const activity = entries.map((e, i): ActivityEntry => ({
        seq: fromSeq + i,
        at: this.now,
        origin,
        label: e.label,
        status: e.status,
        quantity: e.quantity,
        orderId: e.orderId,
        object: objects[i]!,
      }));
      batches.push({ eventId: event.id, eventKey: event.key, fromSeq, toSeq, changes, entries: activity });
      yield* enqueueMessages(this.store, event.workspaceId, () => just(entries.map((e, i) => seatMessage(event, e, fromSeq + i, origin))), this.now);
    }
    return batches;
  }
}
