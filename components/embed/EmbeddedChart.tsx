import type { TicketTypeJson } from '@seatsio/seatsio-types';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { categoryKeysNamed, type ChartDefinition, type ChartObject } from '../../contracts/chart';
import type { PublicEvent } from '../../contracts/buyer-api';
import { createBuyerApi } from '../buyer/buyer-api-client';
import { priceBook } from '../buyer/format';
import { useChannels } from '../buyer/use-channels';
import { useHoldSession } from '../buyer/use-hold-session';
import { useChartPlaces, usePlacePicker, useStrandedSeats } from '../buyer/use-place-picker';
import { Legend } from '../seating-chart/Legend';
import { messagesFor } from '../seating-chart/messages';
import { MessagesContext, useMessages } from '../seating-chart/messages-context';
import { SeatingChart, type ChartView, type PlaceLooks } from '../seating-chart/SeatingChart';
import { useChart } from '../seating-chart/use-chart';
import { someUnavailable, statusOf, type LiveState } from '../seating-chart/live-state';
import { useLiveEvent } from '../seating-chart/use-live-event';
import { BOOKED, FREE, HELD } from '../../contracts/statuses';
import { pricingOf, priceFormatter, type EmbedConfig } from './config';
import styles from './embedded-chart.module.css';
import { asSeatsioObject, embeddedObject, objectsOf, type EmbeddedObject } from './objects';

/**
 * What the `SeatingChart` class (seating-chart.ts) and its React view share: the class reads the view's actions once
 * the chart is drawn, the view reads the integrator's config (current at every call) and reports back.
 */
export type ChartHost = {
  /** The Tessera server chart.js was loaded from, e.g. `https://tickets.example.com`. */
  server: string;
  config: () => EmbedConfig;
  /** The venue is drawn and live; the actions work from now on. */
  rendered: (actions: ChartActions) => void;
  failed: (reason: string) => void;
  /** The selection or the hold token changed (the class keeps the page's hidden form fields current). */
  changed: (selected: string[], holdToken: string | null) => void;
};

export type ChartActions = {
  selection: () => ReadonlyMap<string, number>;
  holdToken: () => string | null;
  object: (label: string) => EmbeddedObject | undefined;
  select: (label: string, amount?: number) => Promise<void>;
  deselect: (label: string) => Promise<void>;
  clear: () => Promise<void>;
  holdBest: (number: number, categories: string[]) => Promise<string[] | undefined>;
  view: ChartView;
};

/** Loads the event (checking it is in the page's workspace), then its venue; then the live chart. */
export function EmbeddedChart({ host, version }: { host: ChartHost; version: number }) {
  const { event: eventKey = '', workspaceKey } = host.config();
  const api = useMemo(() => createBuyerApi(host.server, workspaceKey), [host.server, workspaceKey]);
  const [event, setEvent] = useState<PublicEvent | null>(null);
  useEffect(() => {
    let current = true;
    void api.event(eventKey).then((outcome) => {
      if (!current) return;
      if (!outcome.ok) return host.failed(outcome.kind === 'network' ? `Could not reach ${host.server}` : outcome.message);
      if (outcome.value.workspaceKey !== workspaceKey) return host.failed(`Event not found: ${eventKey}`);
      setEvent(outcome.value);
    });
    return () => {
      current = false;
    };
  }, [api, eventKey, workspaceKey, host]);
  const [chart] = useChart(event ? new URL(event.chartUrl, host.server).href : null, event?.chartConfig);
  useEffect(() => {
    if (chart.state === 'failed') host.failed('The seating chart could not be loaded');
  }, [chart.state, host]);
  const { language, messages: own } = host.config();
  // The integrator's language and messages; a new object only when changeConfig changes them, as the hold session's
  // effects depend on it.
  const ownMessages = JSON.stringify(own ?? {});
  const messages = useMemo(() => messagesFor(language, JSON.parse(ownMessages) as Record<string, string>), [language, ownMessages]);
  return (
    <MessagesContext.Provider value={messages}>
      {!event || chart.state !== 'ready' ? (
        <p className={styles.loading}>{messages.t('loading')}</p>
      ) : (
        <LiveChart host={host} api={api} event={event} chart={chart.chart} version={version} />
      )}
    </MessagesContext.Provider>
  );
}

type LiveChartProps = { host: ChartHost; api: ReturnType<typeof createBuyerApi>; event: PublicEvent; chart: ChartDefinition; version: number };

function LiveChart({ host, api, event, chart, version }: LiveChartProps) {
  const config = host.config();
  const { t } = useMessages();
  const { state, connection } = useLiveEvent(event.key, host.server, event.workspaceKey);
  const live = connection === 'live' && state !== null;
  const { byLabel, describe, placesOf } = useChartPlaces(chart);
  const session = config.session ?? 'none';
  const callbacks = () => host.config();
  const objects = (labels: string[]) => objectsOf(actions.object, labels);
  const channels = useChannels(api, event, config.channels);
  const hold = useHoldSession({
    eventKey: event.key,
    api,
    ...(channels.channelKeys ? { channelKeys: channels.channelKeys } : {}),
    maxPlaces: Math.min(typeof config.maxSelectedObjects === 'number' ? config.maxSelectedObjects : Infinity, event.sales.maxPlacesPerOrder),
    placesOf,
    describe,
    holds: session !== 'none',
    resume: session === 'continue',
    startAtOnce: session === 'start' || session === 'continue',
    keep: 'tab',
    ...(session === 'manual' && config.holdToken ? { token: config.holdToken } : {}),
    events: {
      held: (labels) => callbacks().onHoldSucceeded?.(objects(labels), []),
      holdFailed: (labels) => callbacks().onHoldFailed?.(objects(labels), []),
      released: (labels) => callbacks().onReleaseHoldSucceeded?.(objects(labels), []),
      releaseFailed: (labels) => callbacks().onReleaseHoldFailed?.(objects(labels), []),
      expired: () => callbacks().onHoldTokenExpired?.(),
    },
  });
  // `version` changes with changeConfig: prices and the formatter are read again.
  const prices = useMemo(() => {
    const own = pricingOf(config.pricing)?.pricing;
    return own ? priceBook(own, priceFormatter(config)) : priceBook(event.pricing);
  }, [event.pricing, version]);
  const categories = useMemo(() => new Map(chart.categories.map((c) => [String(c.key), c])), [chart]);
  const view = useRef<ChartView>(null);
  // What the class may ask: one object for the chart's life, acting on what this render knows (`now`).
  const now = useRef<{ hold: typeof hold; objectOf: (label: string) => EmbeddedObject | undefined; selectable?: PlaceLooks['selectable'] }>(null!);
  const actions = useMemo<ChartActions>(() => {
    const held = (label: string) => now.current.hold.selection.has(label);
    return {
      selection: () => now.current.hold.selection,
      holdToken: () => now.current.hold.token,
      object: (label) => now.current.objectOf(label),
      // A place the page does not sell (availableCategories, channels) is not selected, as a click would not.
      select: (label, amount = 1) => {
        const object = byLabel.get(label);
        if (held(label) || (object && now.current.selectable?.(object) === false)) return Promise.resolve();
        return now.current.hold.toggle(label, amount);
      },
      deselect: (label) => (held(label) ? now.current.hold.toggle(label) : Promise.resolve()),
      clear: () => now.current.hold.clear(),
      // Best available keeps to the categories a buyer may choose from, unless the call names its own.
      holdBest: (number, categories) =>
        now.current.hold.holdBest(number, categories.length ? categories : [...categoryKeysNamed(chart.categories, host.config().availableCategories ?? [])]),
      view: { showPlaces: (labels) => view.current?.showPlaces(labels), showAll: () => view.current?.showAll() },
    };
  }, []);
  // The page's objectColor, objectLabel, tooltipInfo and availableCategories, called with the place as seats.io
  // describes it; new ones with changeConfig.
  const looks = useMemo<PlaceLooks | undefined>(() => {
    const { objectColor, objectLabel, tooltipInfo, availableCategories } = host.config();
    const selectable = both(availableCategories && inCategories(categoryKeysNamed(chart.categories, availableCategories)), channels.selectable);
    if (!objectColor && !objectLabel && !tooltipInfo && !selectable) return undefined;
    const described = (o: ChartObject) => actions.object(o.label);
    return {
      ...(selectable && { selectable }),
      ...(objectLabel && {
        label: (o: ChartObject, own: string) => {
          const object = described(o);
          return object ? objectLabel(asSeatsioObject(object), own, host.config().extraConfig ?? {}) || own : own;
        },
      }),
      ...(objectColor && {
        color: (o: ChartObject, fill: string) => {
          const object = described(o);
          return object ? objectColor(asSeatsioObject(object), fill, host.config().extraConfig ?? {}) || fill : fill;
        },
      }),
      ...(tooltipInfo && {
        note: (o: ChartObject) => {
          const object = described(o);
          return object ? tooltipInfo(asSeatsioObject(object)) || undefined : undefined;
        },
      }),
    };
  }, [actions, host, chart, version, channels.selectable]);
  const { onActivate, dialog } = usePlacePicker({
    state,
    session: hold,
    describe,
    maxPlaces: event.sales.maxPlacesPerOrder,
    prices,
    selectable: looks?.selectable,
  });

  const objectOf = (label: string, selection = hold.selection) => {
    const object = byLabel.get(label);
    if (!object) return undefined;
    return embeddedObject(object, {
      categories,
      prices,
      state,
      selection,
      select: actions.select,
      deselect: actions.deselect,
    });
  };
  now.current = { hold, objectOf, ...(looks?.selectable ? { selectable: looks.selectable } : {}) };

  // Drawn and live for the first time: the class may act, and the integrator hears of it.
  const announced = useRef(false);
  useLayoutEffect(() => {
    if (!live || announced.current) return;
    announced.current = true;
    host.rendered(actions);
  }, [live, host, actions]);

  useSelectionCallbacks(host, hold.selection, objectOf);
  useStatusCallbacks(host, state, objectOf);
  useEffect(() => host.changed([...hold.selection.keys()], hold.token), [hold.selection, hold.token, host]);
  const stranded = useStrandedSeats(chart, state, hold.selection);
  const validates = config.selectionValidators?.some((v) => v.type === 'noOrphanSeats') ?? false;
  const selectionChanged = useRef(false);
  useEffect(() => {
    if (!validates || !announced.current) return;
    if (!selectionChanged.current && !hold.selection.size) return;
    selectionChanged.current = true;
    if (stranded.length) host.config().onSelectionInvalid?.(['noOrphanSeats']);
    else host.config().onSelectionValid?.();
  }, [validates, stranded.length, hold.selection, host]);

  // A selected place someone has booked (the integrator's server, after payment) or taken off sale is no longer
  // the buyer's selection: `onSelectedObjectBooked` / `onSelectedObjectUnavailable`.
  useEffect(() => {
    if (!state) return;
    const gone = [...hold.selection.keys()].filter((l) => byLabel.get(l)?.type !== 'generalAdmission' && ![FREE, HELD].includes(statusOf(state, l)));
    if (!gone.length) return;
    hold.forget(gone);
    const remaining = new Map([...hold.selection].filter(([l]) => !gone.includes(l)));
    for (const label of gone) {
      const object = asSeatsioObject(objectOf(label, remaining)!);
      if (statusOf(state, label) === BOOKED) host.config().onSelectedObjectBooked?.(object);
      else host.config().onSelectedObjectUnavailable?.(object);
    }
  }, [state]);

  const pending = hold.pending.size > 0;
  useEffect(() => {
    if (pending) host.config().onHoldCallsInProgress?.();
    else if (announced.current) host.config().onHoldCallsComplete?.();
  }, [pending, host]);

  useEffect(() => {
    if (hold.token && hold.expiresAt)
      host.config().onSessionInitialized?.({
        token: hold.token,
        expiresAt: new Date(hold.expiresAt).toISOString(),
        expiresInSeconds: Math.max(0, Math.round((hold.expiresAt - Date.now()) / 1000)),
      });
  }, [hold.token, hold.expiresAt !== null, host]);

  return (
    <div className={styles.embedded} data-color-scheme={config.colorScheme ?? 'light'}>
      <div className={styles.chart}>
        <SeatingChart
          chart={chart}
          state={state}
          live={live}
          selected={hold.selection}
          priceOf={prices.placePrice}
          // A static chart shows the venue and its availability; nothing can be chosen. What can is narrowed by
          // availableCategories and channels (usePlacePicker explains a place that cannot).
          {...(config.mode === 'static' ? {} : { onActivate })}
          view={view}
          {...(looks ? { looks } : {})}
        />
        {hold.notice && (
          <p className={styles.notice} data-tone={hold.notice.tone} role={hold.notice.tone === 'error' ? 'alert' : 'status'}>
            {hold.notice.text}
            <button type="button" onClick={() => hold.setNotice(null)} aria-label={t('dismiss')}>
              ×
            </button>
          </p>
        )}
        {connection === 'reconnecting' && (
          <p className={styles.notice} data-tone="warning" role="status">
            {t('reconnecting')}
          </p>
        )}
      </div>
      {config.showLegend && <Legend chart={chart} categoryPrice={prices.categoryPrice} unavailable={someUnavailable(state)} />}
      {dialog}
    </div>
  );
}

/** seats.io passes the selected ticket type, and undefined for places without ticket types, as here. */
const NO_TICKET_TYPE = undefined as unknown as TicketTypeJson;

/** `onObjectSelected` / `onObjectDeselected` for every change of the selection, whoever made it. */
function useSelectionCallbacks(host: ChartHost, selection: ReadonlyMap<string, number>, objectOf: (label: string) => EmbeddedObject | undefined) {
  const previous = useRef(selection);
  useEffect(() => {
    const before = previous.current;
    previous.current = selection;
    const config = host.config();
    for (const [label, amount] of selection) {
      if (before.get(label) === amount) continue;
      const object = objectOf(label);
      if (object) config.onObjectSelected?.(asSeatsioObject(object), NO_TICKET_TYPE);
    }
    for (const label of before.keys()) {
      if (selection.has(label)) continue;
      const object = objectOf(label);
      if (object) config.onObjectDeselected?.(asSeatsioObject(object), NO_TICKET_TYPE);
    }
  }, [selection, host]);
}

/** `onObjectStatusChanged` for every place whose status another buyer or the venue changed (only when the page asks). */
function useStatusCallbacks(host: ChartHost, state: LiveState | null, objectOf: (label: string) => EmbeddedObject | undefined) {
  const previous = useRef(state);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    const callback = host.config().onObjectStatusChanged;
    if (!callback || !before || !state || before === state) return;
    const changed = new Set<string>();
    for (const [label, now] of state.objects) {
      const then = before.objects.get(label);
      if (then?.status !== now.status || then?.numFree !== now.numFree) changed.add(label);
    }
    for (const label of before.objects.keys()) if (!state.objects.has(label)) changed.add(label);
    for (const label of changed) {
      const object = objectOf(label);
      if (object) callback(asSeatsioObject(object));
    }
  }, [state, host]);
}

/** Whether a place is in one of the categories of `keys`. */
const inCategories = (keys: ReadonlySet<string>) => (object: ChartObject) => object.categoryKey !== undefined && keys.has(object.categoryKey);

type Test = (object: ChartObject) => boolean;

/** A place passes when it passes every test there is (availableCategories, channels); undefined when there is none. */
const both = (a: Test | undefined, b: Test | undefined): Test | undefined => (a && b ? (o) => a(o) && b(o) : (a ?? b));
