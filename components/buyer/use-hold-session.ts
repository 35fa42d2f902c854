'use client';

import type { MessageKey } from '../seating-chart/messages';
import { useMessages } from '../seating-chart/messages-context';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FailureReason } from '../../contracts/buyer-api';
import { buyerApi, type BuyerApi, type Outcome, type Places } from './buyer-api-client';

export type Notice = { tone: 'error' | 'warning' | 'info'; text: string };

/** This browser's hold: the token, what it holds (label → places), and what is on its way to the server. */
type SessionState = {
  token: string | null;
  expiresAt: number | null;
  extended: boolean;
  selection: ReadonlyMap<string, number>;
  pending: ReadonlySet<string>;
};

const EMPTY: SessionState = { token: null, expiresAt: null, extended: false, selection: new Map(), pending: new Set() };

/** What a buyer is told of a refused place; other reasons are shown as they are. */
const REASONS: Partial<Record<FailureReason, MessageKey>> = {
  held_by_other_token: 'takenByOther',
  already_taken: 'noLongerAvailable',
  not_for_sale: 'placeNotForSale',
  // Kept for a sales channel this buyer's page does not name: not for sale to them.
  not_in_channel: 'placeNotForSale',
  insufficient_capacity: 'notEnoughLeft',
  hold_token_expired: 'holdExpiredFor',
  not_held_by_token: 'noLongerHeld',
  too_many_places: 'overOrderLimit',
  too_many_places_for_client: 'overBuyerLimit',
};

export type HoldSessionOptions = {
  eventKey: string;
  maxPlaces: number;
  /** How many places one unit of a label is: 1, or the seats of a table held whole. */
  placesOf: (label: string) => number;
  /** Hold time of a new token; the server's default (15 minutes) when absent. */
  ttlSeconds?: number;
  /** The sales channels whose places this buyer may hold (their keys). */
  channelKeys?: string[];
  /** Short human name of a place, for messages: "Section A, row C, seat 11". */
  describe: (label: string) => string;
  /** The buyer API to call: the page's own server's unless given (an embedded chart calls its Tessera server). */
  api?: BuyerApi;
  /** Whether a hold kept from before a reload is taken up again (yes unless told otherwise). */
  resume?: boolean;
  /**
   * Where the token is kept: `browser` (default), shared by every tab of this browser, which see each other's
   * changes; `tab`, this tab's alone (an embedded chart's `continue` session, as seats.io keeps it).
   */
  keep?: 'browser' | 'tab';
  /** False: places are chosen in the browser only, nothing is held (an embedded chart without a session). */
  holds?: boolean;
  /** A token to hold with from the start: the venue's, handed to the page (an embedded chart's manual session). */
  token?: string;
  /** Whether to get a token at once rather than with the first hold (an embedded chart's `start` and `continue`). */
  startAtOnce?: boolean;
  /** Told of what the server did: read when it happens, so the latest functions are called. */
  events?: HoldSessionEvents;
};

export type HoldSessionEvents = {
  held?: (labels: string[]) => void;
  holdFailed?: (labels: string[]) => void;
  released?: (labels: string[]) => void;
  releaseFailed?: (labels: string[]) => void;
  /** The hold ran out and the server released its places. */
  expired?: () => void;
};

export type CheckoutResult = { ok: true; confirmationUrl: string } | { ok: false };

/** A selection as the buyer API takes it: its labels, and how many places where a standing area has more than one. */
function placesOfSelection(selection: ReadonlyMap<string, number>): Places {
  const quantities = Object.fromEntries([...selection].filter(([, q]) => q > 1));
  return { labels: [...selection.keys()], ...(Object.keys(quantities).length ? { quantities } : {}) };
}

const storageKey = (eventKey: string) => `tessera:hold:${eventKey}`;

const storageFor = (keep: 'browser' | 'tab') => (keep === 'tab' ? sessionStorage : localStorage);

function persist(storage: Storage, eventKey: string, state: SessionState): void {
  if (!state.token) return storage.removeItem(storageKey(eventKey));
  storage.setItem(storageKey(eventKey), JSON.stringify({ token: state.token, extended: state.extended }));
}

/**
 * Holding and releasing places for one buyer. Every change shows at once and is rolled back with a message
 * naming the place when the server refuses it. Calls go out one after another, so the first hold's token is
 * known before the second hold is sent. The token survives a reload, and (kept for the browser) every tab of the
 * event holds with it: a tab tells the others of each confirmed change, and they read what the token holds.
 */
export function useHoldSession(options: HoldSessionOptions) {
  const { eventKey, maxPlaces, placesOf, ttlSeconds, describe, api = buyerApi, resume = true, holds = true, keep = 'browser' } = options;
  const events = useRef(options.events);
  events.current = options.events;
  // Read when a hold is made, like the events: the page may learn its channels after the first render.
  const channelKeys = useRef(options.channelKeys);
  channelKeys.current = options.channelKeys;
  const [state, setState] = useState<SessionState>(() => ({ ...EMPTY, token: options.token ?? null }));
  const [notice, setNotice] = useState<Notice | null>(null);
  const { t } = useMessages();
  const current = useRef(state);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const update = useCallback(
    (change: (s: SessionState) => SessionState) => {
      current.current = change(current.current);
      persist(storageFor(keep), eventKey, current.current);
      setState(current.current);
    },
    [eventKey, keep],
  );

  // The other tabs of this event in this browser: told of every change the server confirmed.
  const tabs = useRef<BroadcastChannel | null>(null);
  const tellTabs = useCallback(() => tabs.current?.postMessage('changed'), []);

  const enqueue = useCallback(<T>(op: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(op, op);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const explain = useCallback(
    (outcome: Exclude<Outcome<unknown>, { ok: true }>, fallbackLabels: string[]): string => {
      if (outcome.kind === 'network') return t('unreachable');
      if (outcome.kind === 'conflict' && outcome.failed.length) {
        return outcome.failed
          .map((f) => {
            const reason = REASONS[f.reason];
            const place = describe(f.objectLabel);
            return reason ? t(reason, { place }) : t('notChanged', { place, reason: f.reason });
          })
          .join(' ');
      }
      return `${fallbackLabels.map(describe).join(', ')}: ${outcome.message}`;
    },
    [describe, t],
  );

  const adopt = useCallback((token: string, expiresAt: string) => update((s) => ({ ...s, token, expiresAt: Date.parse(expiresAt) })), [update]);

  const placesTaken = useCallback((s: SessionState) => [...s.selection].reduce((n, [label, q]) => n + placesOf(label) * q, 0), [placesOf]);

  /** Holds `label` (with `quantity` places for a GA area), or releases it when it is already selected. */
  const toggle = useCallback(
    (label: string, quantity = 1): Promise<void> => {
      const s = current.current;
      if (s.pending.has(label)) return Promise.resolve();
      const selected = s.selection.get(label);
      if (selected === undefined && placesTaken(s) + placesOf(label) * quantity > maxPlaces) {
        setNotice({ tone: 'warning', text: t('maxPerOrder', { count: maxPlaces }) });
        return Promise.resolve();
      }
      setNotice(null);
      if (!holds) {
        update((st) => {
          const selection = new Map(st.selection);
          if (selected === undefined) selection.set(label, quantity);
          else selection.delete(label);
          return { ...st, selection };
        });
        return Promise.resolve();
      }
      const places = { labels: [label], ...(quantity > 1 || (selected ?? 1) > 1 ? { quantities: { [label]: selected ?? quantity } } : {}) };
      const markPending = (on: boolean) => (p: ReadonlySet<string>) => {
        const next = new Set(p);
        if (on) next.add(label);
        else next.delete(label);
        return next;
      };
      if (selected === undefined) {
        // Optimistic: selected now, rolled back if the server says no.
        update((st) => ({ ...st, selection: new Map(st.selection).set(label, quantity), pending: markPending(true)(st.pending) }));
        return enqueue(async () => {
          const outcome = await api.hold(eventKey, places, { holdToken: current.current.token, ttlSeconds, channelKeys: channelKeys.current });
          if (outcome.ok) {
            adopt(outcome.value.holdToken, outcome.value.expiresAt);
            update((st) => ({ ...st, pending: markPending(false)(st.pending) }));
            tellTabs();
            events.current?.held?.([label]);
            return;
          }
          update((st) => {
            const selection = new Map(st.selection);
            selection.delete(label);
            return { ...st, selection, pending: markPending(false)(st.pending) };
          });
          setNotice({ tone: 'error', text: explain(outcome, [label]) });
          events.current?.holdFailed?.([label]);
        });
      } else {
        update((st) => {
          const selection = new Map(st.selection);
          selection.delete(label);
          return { ...st, selection, pending: markPending(true)(st.pending) };
        });
        return enqueue(async () => {
          const token = current.current.token;
          const outcome = token ? await api.release(eventKey, places, token) : ({ ok: true, value: { released: [] } } as const);
          update((st) => ({ ...st, pending: markPending(false)(st.pending) }));
          if (outcome.ok) {
            tellTabs();
            return events.current?.released?.([label]);
          }
          events.current?.releaseFailed?.([label]);
          update((st) => ({ ...st, selection: new Map(st.selection).set(label, selected) }));
          setNotice({
            tone: 'error',
            text: `${t('notReleased', { place: describe(label) })} ${outcome.kind === 'network' ? t('checkConnection') : ''}`.trim(),
          });
        });
      }
    },
    [adopt, api, describe, enqueue, eventKey, explain, holds, maxPlaces, placesOf, placesTaken, ttlSeconds, update, t],
  );

  const holdBest = useCallback(
    (number: number, categories: string[]) =>
      enqueue(async () => {
        if (placesTaken(current.current) + number > maxPlaces) {
          setNotice({ tone: 'warning', text: t('maxPerOrder', { count: maxPlaces }) });
          return;
        }
        const outcome = await api.holdBest(eventKey, number, categories, { holdToken: current.current.token, ttlSeconds, channelKeys: channelKeys.current });
        if (!outcome.ok) {
          setNotice({
            tone: 'error',
            text: outcome.kind === 'network' ? explain(outcome, []) : t('notTogether', { count: number }),
          });
          return;
        }
        adopt(outcome.value.holdToken, outcome.value.expiresAt);
        update((st) => {
          const selection = new Map(st.selection);
          for (const h of outcome.value.held) selection.set(h.objectLabel, h.quantity ?? 1);
          return { ...st, selection };
        });
        tellTabs();
        setNotice({ tone: 'info', text: t('found', { places: outcome.value.held.map((h) => describe(h.objectLabel)).join('; ') }) });
        events.current?.held?.(outcome.value.held.map((h) => h.objectLabel));
        return outcome.value.held.map((h) => h.objectLabel);
      }),
    [adopt, api, describe, enqueue, eventKey, explain, maxPlaces, placesTaken, ttlSeconds, update, t],
  );

  /** Lets go of every place selected, all at once. */
  const clear = useCallback(
    () =>
      enqueue(async () => {
        const { token, selection } = current.current;
        if (!selection.size) return;
        const places = placesOfSelection(selection);
        const { labels } = places;
        update((st) => ({ ...st, selection: new Map() }));
        if (!holds || !token) return;
        const outcome = await api.release(eventKey, places, token);
        if (outcome.ok) {
          tellTabs();
          return events.current?.released?.(labels);
        }
        update((st) => ({ ...st, selection: new Map([...selection, ...st.selection]) }));
        setNotice({ tone: 'error', text: t('noneReleased') });
        events.current?.releaseFailed?.(labels);
      }),
    [api, enqueue, eventKey, holds, update, t],
  );

  /** Drops places from the selection without a word to the server: someone booked them (the venue, after payment). */
  const forget = useCallback(
    (labels: string[]) => update((st) => ({ ...st, selection: new Map([...st.selection].filter(([l]) => !labels.includes(l))) })),
    [update],
  );

  /** Five more minutes, once per hold. */
  const extend = useCallback(
    () =>
      enqueue(async () => {
        const token = current.current.token;
        if (!token || current.current.extended) return;
        const outcome = await api.extend(token, 5 * 60);
        if (!outcome.ok) {
          setNotice({ tone: 'error', text: t('notExtended') });
          return;
        }
        update((st) => ({ ...st, extended: true, expiresAt: Date.parse(outcome.value.expiresAt) }));
        setNotice({ tone: 'info', text: t('extended') });
      }),
    [api, enqueue, update, t],
  );

  /**
   * Books everything selected, at the ticket types chosen. On a refusal the places that failed are named and
   * dropped; the rest stay held.
   */
  const checkout = useCallback(
    (ticketTypes: ReadonlyMap<string, string>): Promise<CheckoutResult> =>
      enqueue(async (): Promise<CheckoutResult> => {
        const { token, selection } = current.current;
        if (!token || !selection.size) return { ok: false };
        const places = placesOfSelection(selection);
        const { labels } = places;
        const types = Object.fromEntries([...ticketTypes].filter(([label]) => selection.has(label)));
        const outcome = await api.book(eventKey, { ...places, ...(Object.keys(types).length ? { ticketTypes: types } : {}) }, token);
        if (outcome.ok) {
          storageFor(keep).removeItem(storageKey(eventKey));
          tellTabs();
          return { ok: true, confirmationUrl: outcome.value.confirmationUrl };
        }
        if (outcome.kind === 'conflict') {
          const failed = new Set(outcome.failed.map((f) => f.objectLabel));
          update((st) => ({ ...st, selection: new Map([...st.selection].filter(([l]) => !failed.has(l))) }));
          setNotice({ tone: 'error', text: t('nothingBooked', { why: explain(outcome, labels) }) });
        } else setNotice({ tone: 'error', text: t('bookingFailed', { why: explain(outcome, labels) }) });
        return { ok: false };
      }),
    [api, enqueue, eventKey, explain, update, t],
  );

  // Take up the hold this browser keeps for the event (before a reload, or another tab's): the server says what
  // the token still holds. Again whenever another tab changed it.
  useEffect(() => {
    if (!resume || !holds) return;
    const restore = (fromAnotherTab: boolean) => {
      const saved = storageFor(keep).getItem(storageKey(eventKey));
      if (!saved) {
        if (fromAnotherTab) update(() => EMPTY); // The other tab booked, or let everything go.
        return;
      }
      const { token, extended } = JSON.parse(saved) as { token: string; extended: boolean };
      void enqueue(async () => {
        const outcome = await api.token(token);
        if (!outcome.ok) {
          if (outcome.kind !== 'network') {
            update(() => EMPTY);
            setNotice({ tone: 'warning', text: t('earlierHoldExpired') });
          }
          return;
        }
        const selection = new Map(outcome.value.held.filter((h) => h.eventKey === eventKey).map((h) => [h.objectLabel, h.quantity]));
        update((st) => ({ token, extended, expiresAt: Date.parse(outcome.value.expiresAt), selection, pending: st.pending }));
      });
    };
    restore(false);
    if (keep !== 'browser' || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(storageKey(eventKey));
    channel.onmessage = () => restore(true);
    tabs.current = channel;
    return () => {
      channel.close();
      tabs.current = null;
    };
  }, [api, enqueue, eventKey, holds, keep, resume, update, t]);

  // A session started before the first hold: a token at once, unless one was taken up above.
  useEffect(() => {
    if (!options.startAtOnce || !holds) return;
    void enqueue(async () => {
      if (current.current.token) return;
      const outcome = await api.startSession(eventKey, ttlSeconds);
      if (outcome.ok) adopt(outcome.value.holdToken, outcome.value.expiresAt);
    });
  }, [adopt, api, enqueue, eventKey, holds, options.startAtOnce, ttlSeconds]);

  // When the hold runs out the server frees everything; the page says so and starts afresh.
  useEffect(() => {
    if (state.expiresAt === null) return;
    const timer = setTimeout(
      () => {
        const hadPlaces = current.current.selection.size > 0;
        update(() => EMPTY);
        events.current?.expired?.();
        if (hadPlaces) setNotice({ tone: 'warning', text: t('holdExpired') });
      },
      Math.max(0, state.expiresAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [state.expiresAt, update, t]);

  return { ...state, placesTaken: placesTaken(state), notice, setNotice, toggle, holdBest, clear, forget, extend, checkout };
}
